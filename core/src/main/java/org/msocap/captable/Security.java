package org.msocap.captable;

/** What a cap-table line is: shares of a class, options, warrants, or the unissued part of the pool. */
public enum Security {
    SHARES, OPTIONS, WARRANTS, UNISSUED_POOL;

    public String id() {
        return name().toLowerCase().replace('_', '-');
    }
}
