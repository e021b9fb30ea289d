package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/** A recap rollover or buyer priced above its preferred class's issue price keeps the class's preference: DEAL-01 says so. */
class RecapPriceAboveIssuePriceTest {

    private static final Path DERM = Path.of("..", "examples", "ventures", "derm-recap-second-bite.yaml");

    private static Venture derm(String from, String to) throws IOException {
        String yaml = Files.readString(DERM);
        assertThat(yaml).contains(from);
        return VentureReader.read(yaml.replace(from, to), "derm.yaml");
    }

    @Test
    void aRolloverAboveTheIssuePriceIsAFindingWithTheNumbers() throws IOException {
        Venture v = derm("{holder: dr-hale, fraction: 0.30, class: class-a, price: 1}",
                "{holder: dr-hale, fraction: 0.30, class: class-a, price: 1.25}");
        ComplianceReport report = ComplianceChecker.DEFAULT.check(v, v.asOf(), FeeMetricsSource.NONE);
        assertThat(report.forRule("DEAL-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.subjectKind()).isEqualTo(SubjectKind.CLASS);
            assertThat(f.subjectId()).isEqualTo("class-a");
            assertThat(f.message()).isEqualTo("recap 'Majority recapitalisation with Magnolia' (2027-06-30): the rollover of "
                    + "dr-hale into class class-a is priced at 1.25 per unit, above the class's issuePrice 1: each of those units "
                    + "carries a preference of 1 (issuePrice 1 × preference 1), not the 1.25 paid, and its cumulative dividend "
                    + "accrues on 1");
        });
        // Once the recap has closed (a check after it), the cap table in force is judged, not the deal.
        assertThat(ComplianceChecker.DEFAULT.check(derm("class: class-a, price: 1}", "class: class-a, price: 1.25}"),
                LocalDate.of(2027, 7, 1), FeeMetricsSource.NONE).forRule("DEAL-01")).isEmpty();
    }

    @Test
    void aBuyerAboveTheIssuePriceTooAndAPriceAtItIsNot() throws IOException {
        Venture v = derm("buyer: {holder: magnolia, class: class-a, price: 1}", "buyer: {holder: magnolia, class: class-a, price: 2}");
        assertThat(ComplianceChecker.DEFAULT.check(v, v.asOf(), FeeMetricsSource.NONE).forRule("DEAL-01")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the buyer magnolia into class class-a is priced at 2 per unit",
                        "a preference of 1 (issuePrice 1 × preference 1), not the 2 paid"));
        Venture asWritten = VentureReader.read(DERM);
        assertThat(ComplianceChecker.DEFAULT.check(asWritten, asWritten.asOf(), FeeMetricsSource.NONE).forRule("DEAL-01")).isEmpty();
    }
}
