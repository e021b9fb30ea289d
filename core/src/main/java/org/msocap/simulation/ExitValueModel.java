package org.msocap.simulation;

/**
 * A run's enterprise value from its drivers. A {@code NaN} growth or compensation means the projection's
 * own figures; the multiple is always given (the simulation supplies the exit scenario's when the model
 * has no distribution for it).
 */
public interface ExitValueModel {

    /** The earliest exit day the model can value (e.g. the first with a trailing twelve months). */
    int earliestExitDay();

    /** Enterprise value in cents; negative when EBITDA is. Thread-safe. */
    long enterpriseValueCents(int exitEpochDay, double ebitdaMultiple, double collectionsGrowth, double clinicianComp);

    /**
     * The valuation of exits on one day, ready for many runs: what depends on the day alone worked out once (the
     * simulation keeps one per distinct exit month). The same cents, and the same errors, as
     * {@link #enterpriseValueCents}; never throws itself.
     */
    default OnDay onDay(int exitEpochDay) {
        return (multiple, growth, comp) -> enterpriseValueCents(exitEpochDay, multiple, growth, comp);
    }

    /** {@link #enterpriseValueCents} on a fixed day. Thread-safe. */
    interface OnDay {
        long enterpriseValueCents(double ebitdaMultiple, double collectionsGrowth, double clinicianComp);
    }

    /** An enterprise value that does not depend on the drivers. */
    static ExitValueModel fixed(long enterpriseValueCents) {
        return new ExitValueModel() {
            @Override
            public int earliestExitDay() {
                return Integer.MIN_VALUE;
            }

            @Override
            public long enterpriseValueCents(int day, double multiple, double growth, double comp) {
                return enterpriseValueCents;
            }
        };
    }
}
