package org.msocap.fees;

/**
 * How the MSO's operating costs are split across the practices it serves, which is what a cost-plus fee
 * marks up. Stated because the choice moves cost-plus fees between practices.
 */
public enum CostAllocationDriver {
    /** Each practice's share of the month's collections (equal shares in a month when none collects). The default. */
    COLLECTIONS,
    /** Equal shares, whatever each practice collects. */
    EQUAL
}
