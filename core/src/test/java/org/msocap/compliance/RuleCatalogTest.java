package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    private static final String STATES = "[state XX]\nname = Example\ncpom = STRONG\nconfidence = M\ncitation = none\n"
            + "coOwners.physician = podiatrist chiropractor\n";

    private static RuleCatalog parse(String rules) {
        return RuleCatalog.parse(new StringReader(rules), "rules", new StringReader(STATES), "states");
    }

    @Test
    void readsRulesLawsEscalationsAndContinuationLines() {
        RuleCatalog c = parse("""
                # comment
                [law L-1]
                title = A law
                enacted = 2025-06-09
                effectiveFrom = 2026-01-01
                effectiveFromExisting = 2029-01-01
                citation = Act 1
                confidence = H

                [rule R-01]
                title = A rule
                severity = high
                jurisdictions = XX YY
                escalate = critical | XX | L-1 | -
                citation = Code 1
                url = https://one.example
                url = https://two.example
                confidence = M
                remediation = Fix it
                  soon.
                """);
        Rule r = c.rule("R-01");
        assertThat(r.jurisdictions()).containsExactlyInAnyOrder("XX", "YY");
        assertThat(r.citation().urls()).containsExactly("https://one.example", "https://two.example");
        assertThat(r.remediation()).isEqualTo("Fix it soon.");
        assertThat(r.escalations()).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(e.law()).isEqualTo("L-1");
            assertThat(e.condition()).isNull();
        });
        assertThat(c.law("L-1").effectiveFromExisting()).isEqualTo(LocalDate.of(2029, 1, 1));
        assertThat(c.state("XX").eligibleOwners("physician")).containsExactlyInAnyOrder("physician", "podiatrist", "chiropractor");
        assertThat(c.state("ZZ").cpom()).isEqualTo("UNVERIFIED");
        assertThat(c.state("ZZ").confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void unknownKeysAndLawsAreErrorsNamingTheLine() {
        assertThatThrownBy(() -> parse("[rule R-01]\ntitle = x\nseverty = high\n"))
                .hasMessageContaining("rules:1 [rule R-01]").hasMessageContaining("unknown key 'severty'");
        assertThatThrownBy(() -> parse("[rule R-01]\ntitle = x\nseverity = high\njurisdictions = US\nlaw = NOPE\n"
                + "citation = c\nconfidence = H\nremediation = r\n")).hasMessageContaining("unknown law NOPE");
    }

    @Test
    void theShippedCatalogHasTheResearchsRuleIds() {
        RuleCatalog c = RuleCatalog.DEFAULT;
        assertThat(c.rules().keySet()).contains("CPOM-01", "OWN-03", "CTRL-03", "FEE-01", "AKS-01", "COI-02", "TXN-02");
        assertThat(c.law("OR-SB-951").effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(c.law("OR-SB-951").effectiveFromExisting()).isEqualTo(LocalDate.of(2029, 1, 1));
        assertThat(c.state("CA").percentFee()).isEqualTo(PercentFeeStance.ALLOWED_IF_FMV);
        assertThat(c.state("NY").percentFee()).isEqualTo(PercentFeeStance.PROHIBITED);
        for (Rule r : c.rules().values()) {
            assertThat(r.citation().urls()).as(r.id() + " cites a source address").isNotEmpty();
        }
    }
}
