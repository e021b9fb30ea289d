package org.msocap.captable;

import org.apache.commons.math3.fraction.BigFraction;

/** Cap-table lines summed by holder, class or category. */
public record CapTableGroup(String key, String label, BigFraction outstanding, BigFraction fullyDiluted,
                            BigFraction ofOutstanding, BigFraction ofFullyDiluted) {
}
