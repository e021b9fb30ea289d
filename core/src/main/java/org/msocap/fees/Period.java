package org.msocap.fees;

/** The length of the periods a projection is reported in. Quarters and years are sums of months. */
public enum Period {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    Period(int months) {
        this.months = months;
    }

    /** Months in one period. */
    public int months() {
        return months;
    }

    /** The lower-case name used on the command line and in output: {@code month}, {@code quarter}, {@code year}. */
    public String id() {
        return name().toLowerCase();
    }

    /** Parses {@code month}, {@code quarter} or {@code year} (any case). */
    public static Period parse(String text) {
        for (Period p : values()) {
            if (p.name().equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("period must be month, quarter or year but was '" + text + "'");
    }
}
