package org.msocap.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.msocap.compliance.ClinicianConflict;
import org.msocap.compliance.ComplianceChecker;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.FeeMetricsSource;
import org.msocap.compliance.Finding;
import org.msocap.model.Agreement;
import org.msocap.model.FeeTerms;
import org.msocap.model.Venture;

/**
 * A compliance review of a venture built in code: the rule checks (findings as values, most severe first,
 * each with its citation and a remediation) and the conflict-of-interest view of the clinicians who hold MSO
 * equity. Fee measures come from the fee projection ({@link FeeMetricsSource#PROJECTION}).
 *
 * <p>It reviews {@link BuildAndValueVenture#lakesideHealth()} twice: as built (fixed and hybrid fees with
 * fair-market-value support), and with the California agreement rewritten the way a reviewer would not
 * want to see it — 55% of collections, covering marketing, the MSO deciding prices and coding, no FMV
 * opinion — to show how the findings change.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am compile exec:java -Dexec.mainClass=org.msocap.examples.ComplianceReview}
 */
public final class ComplianceReview {

    private ComplianceReview() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        Venture asBuilt = BuildAndValueVenture.lakesideHealth();
        out.println("msocap example: compliance review of a venture built in code");
        out.println(Text.NOT_LEGAL_ADVICE);
        out.println();
        printReport(out, "Lakeside Health as built", review(asBuilt));
        printReport(out, "Lakeside Health with a percentage fee in California", review(withRiskyCaliforniaFee(asBuilt)));
        out.println(Text.NOT_LEGAL_ADVICE);
    }

    /** The checks as of the venture's date, with fee measures from the projection. */
    static ComplianceReport review(Venture venture) {
        return ComplianceChecker.DEFAULT.check(venture, venture.asOf(), FeeMetricsSource.PROJECTION);
    }

    /** California's MSA replaced by a percentage fee with the features fee-splitting and CPOM rules look for. */
    static Venture withRiskyCaliforniaFee(Venture venture) {
        Agreement risky = new Agreement("msa-ca", Agreement.Type.MANAGEMENT_SERVICES, "lakeside-ca",
                FeeTerms.percentOfCollections(new BigDecimal("0.55")), false,
                List.of("billing", "staffing", "it", "real-estate", "marketing", "payer-contracting"),
                List.of("pricing", "coding"), false, 60, true);
        // Venture has no withAgreement(...): rebuild it with the one agreement swapped.
        Venture.Builder rebuilt = Venture.builder(venture.name()).asOf(venture.asOf()).currency(venture.currency())
                .people(venture.people()).mso(venture.mso()).practices(venture.practices())
                .financials(venture.financials()).simulation(venture.simulation());
        venture.agreements().forEach(a -> rebuilt.agreement(a.id().equals(risky.id()) ? risky : a));
        venture.exits().forEach(rebuilt::exit);
        return rebuilt.build();
    }

    static void printReport(PrintStream out, String heading, ComplianceReport report) {
        out.println(Text.rule(heading + " (checked as of " + report.asOf() + ")"));
        out.println("Findings: " + report.findings().size()
                + report.worst().map(s -> ", worst " + s.id().toUpperCase()).orElse(""));
        for (Finding f : report.findings()) {
            out.printf("%n[%s] %s %s%n", f.severity().id().toUpperCase(), f.ruleId(), f.title());
            out.println("  about:       " + f.subjectKind().id() + " " + f.subjectId());
            out.println("  why:         " + f.message());
            out.println("  citation:    " + f.citation().text());
            f.citation().urls().stream().findFirst().ifPresent(url -> out.println("  source:      " + url));
            out.println("  remediation: " + f.remediation());
        }
        out.println();
        out.println("Conflict of interest: clinicians holding MSO equity");
        if (report.conflicts().isEmpty()) {
            out.println("  none");
        }
        for (ClinicianConflict c : report.conflicts()) {
            out.printf("  %s (%s), %s of the MSO fully diluted, %s patients%n", c.name(), String.join(", ", c.professions()),
                    Text.percent(c.fullyDiluted()), c.refersPatients() ? "refers" : "does not refer");
            c.positions().forEach(p -> out.printf("    holds %s%n", p.shares() > 0
                    ? String.format(Locale.US, "%,d %s%s", p.shares(), p.security(),
                    p.shareClass().isEmpty() ? "" : " of " + p.shareClass())
                    : p.security() + " of " + Text.money(p.amount())));
            out.println("    MSO roles:      " + (c.msoRoles().isEmpty() ? "none" : String.join(", ", c.msoRoles())));
            out.println("    practice roles: " + (c.practiceRoles().isEmpty() ? "none" : String.join(", ", c.practiceRoles())));
            out.println("    findings:       " + (c.findings().isEmpty() ? "none" : String.join("; ", c.findings())));
        }
        out.println();
    }
}
