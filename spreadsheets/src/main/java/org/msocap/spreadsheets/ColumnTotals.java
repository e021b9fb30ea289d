package org.msocap.spreadsheets;

/**
 * The total of a column over the rows of a list. An empty list has no rows to sum: its total is 0, not a SUM whose range
 * runs backwards over the header ({@code SUM(B10:B9)} sums the header and the row above it).
 */
final class ColumnTotals {

    private ColumnTotals() {
    }

    /** {@code SUM} of column {@code c} over rows {@code first}..{@code last} (0-based, absolute), or {@code 0} when empty. */
    static String sum(int first, int last, int c) {
        if (last < first) {
            return "0";
        }
        String col = SheetWriter.column(c);
        return "SUM($" + col + "$" + (first + 1) + ":$" + col + "$" + (last + 1) + ")";
    }
}
