package org.msocap.captable;

import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.HolderCategory;

/**
 * One line of the MSO's fully diluted cap table.
 *
 * @param holder person id; empty for the unissued pool
 * @param shareClass the class the line converts into or is ({@code common} for options)
 * @param shares shares, options or warrants as held
 * @param outstanding as-converted common-equivalent shares outstanding (0 for options, warrants, pool)
 * @param fullyDiluted as-converted common-equivalent shares on a fully diluted basis
 * @param ofOutstanding exact fraction of all outstanding as-converted shares
 * @param ofFullyDiluted exact fraction of the fully diluted total
 */
public record CapTableLine(String holder, String holderName, HolderCategory category, String shareClass,
                           Security security, long shares, BigFraction outstanding, BigFraction fullyDiluted,
                           BigFraction ofOutstanding, BigFraction ofFullyDiluted) {
}
