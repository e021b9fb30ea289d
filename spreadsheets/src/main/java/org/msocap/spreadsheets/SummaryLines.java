package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.Finding;
import org.msocap.compliance.Severity;
import org.msocap.model.Venture;

/**
 * Lines the report's one-screen summary and the workbook's Summary sheet share, so both account for the
 * same findings and name the same things they could not do.
 */
public final class SummaryLines {

    /** Findings each summary lists by name; the rest are counted by severity. */
    public static final int TOP_FINDINGS = 5;

    private SummaryLines() {
    }

    /** The findings a summary names: the most severe first, at most {@link #TOP_FINDINGS}. */
    public static List<Finding> topFindings(ComplianceReport report) {
        return report.findings().stream().sorted(Finding.ORDER).limit(TOP_FINDINGS).toList();
    }

    /**
     * What a finding is about, by name, as the workbook's Summary and Findings sheets show it: "Management services
     * agreement — Sunrise Medical of New York, P.C.", "Practice: Lumen Medical Group, P.C.", "Grace Lee, MD", never the
     * model's ids ({@code msa-ny}, {@code lumen-pc}, {@code dr-lee}).
     */
    public static String subject(Venture venture, Finding finding) {
        return new ClientLabels(venture).subject(finding.subjectKind(), finding.subjectId());
    }

    /** A share class by the name the workbook gives it: the model's name, else its id in words ("Class A"). */
    public static String className(Venture venture, String classId) {
        return new ClientLabels(venture).className(classId);
    }

    /**
     * The findings a summary does not name, by severity, most severe first: "… and 7 more high, 6 medium: see
     * msocap check". Empty when every finding is named.
     */
    public static Optional<String> moreFindings(ComplianceReport report) {
        List<Finding> rest = report.findings().stream().sorted(Finding.ORDER).skip(TOP_FINDINGS).toList();
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        rest.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = severities.length - 1; i >= 0; i--) {
            Integer n = counts.get(severities[i]);
            if (n != null) {
                parts.add(n + " " + severities[i].id());
            }
        }
        return Optional.of("… and " + rest.size() + " more (" + String.join(", ", parts) + "): see msocap check for all of them"
                + " with citations");
    }

    /**
     * What the summary could not do, one line each: sections the model cannot support, exits valued past the projection,
     * rules it cannot check.
     */
    public static List<String> couldNot(WorkbookContent content) {
        List<String> out = new ArrayList<>(content.omitted());
        for (WorkbookContent.Scenario sc : content.waterfalls().scenarios()) {
            if (sc.valuation().extendedBeyondProjection()) {
                out.add("Exit scenario '" + sc.waterfall().scenario() + "' on " + sc.valuation().date() + " falls past the projection: "
                        + "it is valued at " + sc.valuation().basis() + "; extend financials.years to project it.");
            }
        }
        int notChecked = content.compliance().notChecked().size();
        if (notChecked > 0) {
            out.add("Compliance: " + notChecked + " rule" + (notChecked == 1 ? "" : "s")
                    + " need facts the model does not hold and were not checked (see msocap check).");
        }
        return out;
    }
}
