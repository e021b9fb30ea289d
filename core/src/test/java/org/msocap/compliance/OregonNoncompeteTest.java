package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OregonNoncompeteTest {

    /** dr-a holds {@code shares} of 10,000 MSO common shares. */
    private static Scenario oregon(long shares) {
        Scenario s = Scenario.in("OR");
        s.noncompete = true;
        s.holdings.clear();
        s.holding("founder", "common", 10_000 - shares, null);
        if (shares > 0) {
            s.holding("dr-a", "common", shares, null);
        }
        return s;
    }

    @Test
    void licenseesOwningLessThanOnePointFivePercentOfTheMsoAreBound() {
        assertThat(oregon(149).findings("CTRL-07")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("dr-a (owns 1.49% of the MSO)"));
        assertThat(oregon(150).findings("CTRL-07")).isEmpty();
    }

    @Test
    void noNoncompeteNoFinding() {
        Scenario s = oregon(0);
        s.noncompete = false;
        assertThat(s.findings("CTRL-07")).isEmpty();
    }
}
