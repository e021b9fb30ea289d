package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceCheckerTest {

    @Test
    void theBaselineScenarioIsClean() {
        ComplianceReport report = new Scenario().check();
        assertThat(report.findings()).isEmpty();
        assertThat(report.disclaimer()).isEqualTo("msocap is a modeling tool, not legal advice.");
        assertThat(report.notChecked()).extracting(Rule::id).contains("CPOM-03", "OWN-06", "STARK-01");
    }

    @Test
    void everyCatalogRuleHasAPredicateOrAReason() {
        RuleCatalog catalog = ComplianceChecker.DEFAULT.catalog();
        assertThat(catalog.rules()).isNotEmpty();
        for (Rule rule : catalog.rules().values()) {
            assertThat(rule.isChecked() || !rule.notChecked().isBlank()).as(rule.id()).isTrue();
        }
    }

    @Test
    void aPredicateForAnUncheckedRuleIsRefused() {
        RulePredicate stray = new RulePredicate() {
            @Override
            public String ruleId() {
                return "CPOM-03";
            }

            @Override
            public List<Finding> evaluate(Rule rule, CheckContext ctx) {
                return List.of();
            }
        };
        assertThatThrownBy(() -> new ComplianceChecker(RuleCatalog.DEFAULT, List.of(stray)))
                .hasMessageContaining("CPOM-03");
    }

    @Test
    void findingsAreSortedMostSevereFirst() {
        Scenario s = Scenario.in("NY");
        s.fee = org.msocap.model.FeeTerms.percentOfCollections(new java.math.BigDecimal("0.06"));
        s.fmvOpinion = false;
        s.person(Scenario.licensee("np-b", "nurse-practitioner", "NY"));
        s.practiceShares("np-b", 500);
        ComplianceReport report = s.check();
        assertThat(report.findings()).isSortedAccordingTo(Finding.ORDER);
        assertThat(report.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(report.bySeverity().keySet()).containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM);
        assertThat(report.hasAtOrAbove(Severity.CRITICAL)).isTrue();
    }

    @Test
    void theCheckDateDefaultsToTheVenturesAsOf() {
        Scenario s = new Scenario();
        s.asOf = LocalDate.of(2026, 5, 1);
        assertThat(ComplianceChecker.DEFAULT.check(s.build()).asOf()).isEqualTo(LocalDate.of(2026, 5, 1));
    }
}
