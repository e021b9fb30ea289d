package org.msocap.spreadsheets;

import org.apache.poi.ss.usermodel.CellStyle;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.Finding;
import org.msocap.compliance.Severity;

/** Every compliance finding, most severe first, its severity cell colored; the rule, citation and remediation beside it. */
final class FindingsSheet {

    static final String NAME = "Findings";
    static final int HEADER_ROW = 2;

    private FindingsSheet() {
    }

    static void write(SheetWriter w, ComplianceReport report, ClientLabels labels) {
        Styles s = w.styles;
        w.text(0, 0, "Findings — compliance checks as of " + report.asOf(), s.title);
        w.text(1, 0, SummarySheet.NOT_LEGAL_ADVICE + " Findings flag structures to review with counsel; they are not legal "
                + "conclusions.", s.notice);
        w.header(HEADER_ROW, "Severity", "Rule", "Title", "Subject", "Message", "Citation", "Remediation", "Confidence");
        int r = HEADER_ROW + 1;
        FindingText text = labels.findingText();
        if (report.findings().isEmpty()) {
            w.text(r, 0, "No findings.");
        }
        for (Finding f : report.findings().stream().sorted(Finding.ORDER).toList()) {
            w.text(r, 0, f.severity().id(), style(s, f.severity()));
            w.text(r, 1, f.ruleId());
            w.text(r, 2, f.title(), s.wrapped);
            w.text(r, 3, labels.subject(f.subjectKind(), f.subjectId()), s.wrapped);
            w.text(r, 4, text.message(f), s.wrapped);
            w.text(r, 5, f.citation().toString(), s.wrapped);
            w.text(r, 6, text.remediation(f), s.wrapped);
            w.text(r, 7, f.confidence().name().toLowerCase());
            r++;
        }
        // Wrapped in widths that print eight columns on a page's width at a readable scale.
        w.widen(2, 26);
        w.widen(3, 20);
        w.widen(4, 48);
        w.widen(5, 34);
        w.widen(6, 40);
        w.finish(HEADER_ROW, HEADER_ROW);
    }

    static CellStyle style(Styles s, Severity severity) {
        return switch (severity) {
            case CRITICAL -> s.critical;
            case HIGH -> s.high;
            case MEDIUM -> s.medium;
            case LOW -> s.low;
            case INFO -> s.info;
        };
    }

    /** The severity as coloured text without a fill, for a label in a wide column. */
    static CellStyle textStyle(Styles s, Severity severity) {
        return switch (severity) {
            case CRITICAL -> s.criticalText;
            case HIGH -> s.highText;
            case MEDIUM -> s.mediumText;
            case LOW -> s.lowText;
            case INFO -> s.infoText;
        };
    }
}
