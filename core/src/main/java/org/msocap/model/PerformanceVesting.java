package org.msocap.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * Performance vesting of a profits-interest holding (PRODUCT.md §7.4): a MOIC ratchet on a named investor class. At a
 * sale the holding vests the fraction of the highest level whose test holds, the class's MOIC (its payout from the
 * equity ÷ its cost) tested with that fraction vested; below the lowest level nothing vests. The waterfall decides it
 * per exit value; here only the terms.
 *
 * @param shareClass the class whose MOIC is tested (common or preferred; checked against the MSO by {@link Mso})
 * @param moic the levels, {@code at} strictly increasing, {@code vests} strictly increasing within (0, 1]
 */
public record PerformanceVesting(String shareClass, List<Level> moic) {

    /** At a MOIC of at least {@code at}, the fraction {@code vests} of the holding's units vests. */
    public record Level(BigDecimal at, BigDecimal vests) {
        public Level {
            Checks.positive(at, "at");
            Checks.positive(vests, "vests");
            if (vests.compareTo(BigDecimal.ONE) > 0) {
                throw new ModelException("vests", "vests is the fraction of the units that vests: it must be in (0, 1] but was "
                        + vests.toPlainString());
            }
        }
    }

    public PerformanceVesting {
        Checks.id(shareClass, "class");
        moic = Checks.list(moic);
        if (moic.isEmpty()) {
            throw new ModelException("moic", "performance vesting needs at least one MOIC level");
        }
        for (int i = 1; i < moic.size(); i++) {
            Level before = moic.get(i - 1);
            Level level = moic.get(i);
            if (level.at().compareTo(before.at()) <= 0) {
                throw new ModelException("moic[" + i + "].at", "MOIC levels must be strictly increasing, but level " + i + " is at "
                        + level.at().toPlainString() + " after " + before.at().toPlainString());
            }
            if (level.vests().compareTo(before.vests()) <= 0) {
                throw new ModelException("moic[" + i + "].vests", "each MOIC level must vest more than the one below, but level " + i
                        + " vests " + level.vests().toPlainString() + " after " + before.vests().toPlainString());
            }
        }
    }

    /** A ratchet of levels given as at, vests, at, vests, …: for tests and the Java API. */
    public static PerformanceVesting of(String shareClass, double... atThenVests) {
        if (atThenVests.length % 2 != 0) {
            throw new IllegalArgumentException("give the levels as pairs of at and vests");
        }
        List<Level> levels = new java.util.ArrayList<>();
        for (int i = 0; i < atThenVests.length; i += 2) {
            levels.add(new Level(BigDecimal.valueOf(atThenVests[i]), BigDecimal.valueOf(atThenVests[i + 1])));
        }
        return new PerformanceVesting(shareClass, levels);
    }
}
