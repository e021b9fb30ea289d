package org.msocap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msocap.compliance.ComplianceChecker;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.FeeMetricsSource;
import org.msocap.compliance.Finding;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/**
 * Each example produces the findings its README row promises (issue 5: a New York percentage fee, an
 * Oregon founder directing the practice, a California psychologist at 50%, a clean Florida spa).
 * Severity → rule ids, as {@code msocap check} reports them with the fee projection wired in.
 */
class ExampleFindingsTest {

    static java.util.stream.Stream<Arguments> examples() {
        return java.util.stream.Stream.of(
                Arguments.of("behavioral-health-ca.yaml", Map.of("critical", Set.of("OWN-03"), "high", Set.of("TXN-02"))),
                Arguments.of("chiro-md-integrated.yaml", Map.of("high", Set.of("CTRL-04", "FEE-02"),
                        "medium", Set.of("AKS-01", "AKS-02", "COI-01", "COI-02", "FEE-05"))),
                Arguments.of("derm-recap-second-bite.yaml", Map.of("medium", Set.of("AKS-01", "COI-01", "COI-02"))),
                Arguments.of("functional-medicine.yaml", Map.of("high", Set.of("FEE-02"),
                        "medium", Set.of("COI-01", "COI-02", "STARK-02"))),
                Arguments.of("glow-medical-spa.yaml", Map.of()),
                Arguments.of("iv-hydration.yaml", Map.of("critical", Set.of("CTRL-01"), "high", Set.of("CTRL-04", "FEE-02", "FEE-03"))),
                Arguments.of("np-led-clinic.yaml", Map.of("medium", Set.of("AKS-01", "COI-01", "COI-02"))),
                Arguments.of("pe-derm-holdco.yaml", Map.of("medium", Set.of("AKS-01", "COI-01", "COI-02"))),
                Arguments.of("physician-led-llc.yaml", Map.of("medium", Set.of("AKS-01", "COI-01", "COI-02"))),
                Arguments.of("oregon-wellness.yaml", Map.of("critical", Set.of("CTRL-01", "CTRL-03", "CTRL-04"),
                        "high", Set.of("CTRL-07", "FEE-02", "FEE-03"), "medium", Set.of("FEE-05"))),
                Arguments.of("regenerative-medicine.yaml", Map.of("high", Set.of("CTRL-04", "CTRL-05", "FEE-02", "FEE-03"),
                        "medium", Set.of("AKS-01", "AKS-02", "COI-01", "FEE-04", "FEE-05", "STARK-02"))),
                Arguments.of("sunrise-telehealth.yaml", Map.of("critical", Set.of("CTRL-01"),
                        "high", Set.of("CTRL-04", "FEE-01", "FEE-02", "FEE-03", "FEE-06", "TXN-02"),
                        "medium", Set.of("COI-01", "COI-02", "FEE-05"))),
                Arguments.of("telehealth-series-a.yaml", Map.of("medium", Set.of("COI-02"))),
                Arguments.of("urgent-care-ny.yaml", Map.of("high", Set.of("CTRL-04", "FEE-01", "FEE-02", "FEE-03", "OWN-05"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void findingsAreTheOnesTheReadmePromises(String file, Map<String, Set<String>> expected) {
        Venture venture = VentureReader.read(Path.of("ventures", file));
        ComplianceReport report = ComplianceChecker.DEFAULT.check(venture, venture.asOf(), FeeMetricsSource.PROJECTION);
        Map<String, Set<String>> actual = new TreeMap<>();
        for (Finding f : report.findings()) {
            actual.computeIfAbsent(f.severity().name().toLowerCase(), k -> new TreeSet<>()).add(f.ruleId());
        }
        assertThat(actual).isEqualTo(new TreeMap<>(expected));
    }

    /** The New York example's findings cite New York (or federal) law, never another state's. */
    @org.junit.jupiter.api.Test
    void theNewYorkExampleCitesNewYorkLaw() {
        Venture venture = VentureReader.read(Path.of("ventures", "urgent-care-ny.yaml"));
        ComplianceReport report = ComplianceChecker.DEFAULT.check(venture, venture.asOf(), FeeMetricsSource.PROJECTION);
        assertThat(report.forRule("OWN-05")).singleElement().satisfies(f -> {
            assertThat(f.citation().text()).isEqualTo("BCL 1508(a)");
            assertThat(f.citation().urls()).first().isEqualTo("https://jtnylaw.com/2017/04/carothers/");
        });
        for (Finding f : report.findings()) {
            assertThat(f.citation().text()).as(f.ruleId())
                    .doesNotContain("CCR", "C.R.S.", "Fla.", "Tex.", "ILCS", "Ill.", "SB 951", "NC AG", "Envision", "Flynn", "Gimbel");
            assertThat(String.join(" ", f.citation().urls())).as(f.ruleId())
                    .doesNotContain("california", "mbc.ca.gov", "texas", "colorado", "illinois", "/nc/", "pennsylvania");
        }
    }
}
