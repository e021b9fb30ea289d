package org.msocap.compliance;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.msocap.model.Person;
import org.junit.jupiter.api.Test;

/** AKS-01 fails exactly when investors who refer hold more than 40% of a class, at every split. */
class InvestorTestPropertyTest {

    @Test
    void findsExactlyWhenReferringSharesExceedFortyPercent() {
        qt().withFixedSeed(42L).withExamples(200)
                .forAll(longs().between(1, 1_000_000), longs().between(1, 1_000_000))
                .checkAssert((referring, passive) -> {
                    Scenario s = new Scenario().person(Scenario.physician("dr-a", "FL").withRefersPatients(true))
                            .person(Person.lay("founder", "Fay Founder"));
                    s.holdings.clear();
                    s.holding("founder", "common", passive, null).holding("dr-a", "common", referring, null);
                    boolean over = 5 * referring > 2 * (referring + passive);
                    org.assertj.core.api.Assertions.assertThat(s.findings("AKS-01")).as("%d referring of %d", referring,
                            referring + passive).hasSize(over ? 1 : 0);
                });
    }
}
