package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleVenturesTest {

    private static List<String> ids(ComplianceReport r) {
        return r.findings().stream().map(f -> f.ruleId() + " " + f.severity().id()).toList();
    }

    @Test
    void newYorkPercentageFee() {
        ComplianceReport r = ComplianceChecker.DEFAULT.check(ExampleVentures.newYorkPercentageFee());
        assertThat(ids(r)).containsExactly("FEE-01 high", "FEE-02 high", "COI-01 medium", "COI-02 medium");
        assertThat(r.forRule("FEE-01").get(0).message()).contains("6% of collections fee", "8 NYCRR 29.1(b)(4)");
    }

    @Test
    void oregonFounderDirectsPractice() {
        ComplianceReport r = ComplianceChecker.DEFAULT.check(ExampleVentures.oregonFounderDirectsPractice());
        assertThat(ids(r)).contains("CTRL-02 critical", "CTRL-03 critical", "CTRL-04 critical", "COI-02 critical");
        assertThat(r.forRule("CTRL-03").get(0).message()).contains("dr-park is member and director and officer (ceo) of the MSO");
        assertThat(r.conflicts()).singleElement().satisfies(c -> assertThat(c.findings()).anyMatch(s -> s.startsWith("CTRL-03")));
    }

    @Test
    void californiaPsychologistHalfOwner() {
        ComplianceReport r = ComplianceChecker.DEFAULT.check(ExampleVentures.californiaPsychologistHalfOwner());
        assertThat(ids(r)).containsExactly("OWN-03 critical", "TXN-02 high", "TXN-02 high"); // the sale, and the MSO entering its agreement
        assertThat(r.forRule("OWN-03").get(0).message()).contains("dr-alvarez (psychologist)", "hold 50%", "the limit is 49%");
    }

    @Test
    void floridaCleanHasNoCriticalOrHighFindings() {
        ComplianceReport r = ComplianceChecker.DEFAULT.check(ExampleVentures.floridaClean());
        assertThat(r.hasAtOrAbove(Severity.HIGH)).isFalse();
        assertThat(ids(r)).containsExactly("COI-01 medium", "COI-02 medium");
    }
}
