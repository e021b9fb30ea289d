package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The totals under the Waterfall and Deal events lists. No model reaches an empty list there today (a cap table has a
 * holding, a recap issues units to someone), so the guard is tested here, where it lives.
 */
class ColumnTotalsTest {

    @Test
    void aListSumsItsOwnRows() {
        assertThat(ColumnTotals.sum(9, 11, 1)).isEqualTo("SUM($B$10:$B$12)");
        assertThat(ColumnTotals.sum(9, 9, 27)).isEqualTo("SUM($AB$10:$AB$10)");
    }

    @Test
    void anEmptyListTotalsZeroRatherThanSummingTheHeaderAbove() {
        // Rows 10..9: the old formula was SUM($B$10:$B$9), which a spreadsheet reads as B9:B10, the header included.
        assertThat(ColumnTotals.sum(9, 8, 1)).isEqualTo("0");
    }
}
