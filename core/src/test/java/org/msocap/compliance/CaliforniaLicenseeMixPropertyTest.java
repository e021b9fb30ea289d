package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/** OWN-03 reports a California medical corporation exactly when listed licensees hold more than 49% of its shares. */
class CaliforniaLicenseeMixPropertyTest {

    @Test
    void reportsExactlyAbove49Percent() {
        qt().withFixedSeed(42L).withExamples(200)
                .forAll(longs().between(1, 100_000), longs().between(1, 100_000))
                .checkAssert((physician, psychologist) -> {
                    Scenario s = Scenario.in("CA").person(Scenario.licensee("psy-b", "psychologist", "CA"));
                    s.practiceShares("dr-a", physician).practiceShares("psy-b", psychologist);
                    boolean over = 100 * psychologist > 49 * (physician + psychologist);
                    assertThat(s.findings("OWN-03")).as("%d physician, %d psychologist shares", physician, psychologist)
                            .hasSize(over ? 1 : 0);
                });
    }
}
