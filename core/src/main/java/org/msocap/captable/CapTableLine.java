package org.msocap.captable;

import java.math.BigDecimal;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.HolderCategory;
import org.msocap.money.Money;

/**
 * One line of the MSO's fully diluted cap table.
 *
 * @param holder person id; empty for the unissued pool
 * @param shareClass the class the line converts into or is ({@code common} for options)
 * @param shares shares, options or warrants as held
 * @param outstanding as-converted common-equivalent shares outstanding (0 for options, warrants, pool)
 * @param fullyDiluted as-converted common-equivalent shares on a fully diluted basis
 * @param ofOutstanding exact fraction of all outstanding as-converted shares
 * @param ofFullyDiluted exact fraction of the fully diluted total; for a profits interest, its share if fully
 *     participating (each unit counted as a common unit, as if its threshold were 0)
 * @param threshold profits interests: participation threshold per unit as the holding gives it; else null
 * @param hurdle profits interests: aggregate equity proceeds the holding shares only above; else null
 */
public record CapTableLine(String holder, String holderName, HolderCategory category, String shareClass,
                           Security security, long shares, BigFraction outstanding, BigFraction fullyDiluted,
                           BigFraction ofOutstanding, BigFraction ofFullyDiluted, BigDecimal threshold, Money hurdle) {

    /** Whether this line is a profits-interest holding (it then has a threshold or a hurdle). */
    public boolean isProfitsInterest() {
        return threshold != null || hurdle != null;
    }
}
