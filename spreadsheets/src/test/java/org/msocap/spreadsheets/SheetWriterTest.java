package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Row heights follow word wrapping, which takes more lines than the text's length over the width. */
class SheetWriterTest {

    @Test
    void countsLinesAsTextWrapsAtWordBoundaries() {
        assertThat(SheetWriter.lines("Payout", 17)).isEqualTo(1);
        // 20 characters in 17 a line: two lines, as a length count would also say.
        assertThat(SheetWriter.lines("% of equity proceeds", 17)).isEqualTo(2);
        // 33 characters in 17 a line: a length count says two, words need three.
        assertThat(SheetWriter.lines("sunrise-ca: collections this year", 17)).isEqualTo(3);
        // A word longer than the line breaks inside the word.
        assertThat(SheetWriter.lines("abcdefghijklmnopqrstuvwxyz", 10)).isEqualTo(3);
    }
}
