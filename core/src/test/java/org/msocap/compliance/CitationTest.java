package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationTest {

    @Test
    void partsAreTheAuthoritiesBetweenSemicolons() {
        assertThat(new Citation("BCL 1508(a); 16 CCR 1343(b);  C.R.S. 12-215-124(f)", List.of()).parts())
                .containsExactly("BCL 1508(a)", "16 CCR 1343(b)", "C.R.S. 12-215-124(f)");
        assertThat(new Citation("RCW 18.100.050 & AGO 2020-5", List.of()).parts()).containsExactly("RCW 18.100.050 & AGO 2020-5");
    }

    @Test
    void followedByAppendsTextAndOnlyNewAddresses() {
        Citation first = new Citation("A 1", List.of("https://a.example", "https://b.example"));
        Citation then = first.followedBy(new Citation("B 2", List.of("https://b.example", "https://c.example")));
        assertThat(then.text()).isEqualTo("A 1; B 2");
        assertThat(then.urls()).containsExactly("https://a.example", "https://b.example", "https://c.example");
        assertThat(then).hasToString("A 1; B 2 <https://a.example>");
    }

    @Test
    void aBlankTextIsRejected() {
        assertThatThrownBy(() -> new Citation(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
