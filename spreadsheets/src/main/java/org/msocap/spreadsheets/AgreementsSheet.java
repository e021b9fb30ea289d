package org.msocap.spreadsheets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.msocap.compliance.ComplianceReport;
import org.msocap.compliance.Finding;
import org.msocap.compliance.SubjectKind;
import org.msocap.model.Agreement;
import org.msocap.model.FeeTerms;
import org.msocap.model.Practice;
import org.msocap.model.Venture;
import org.msocap.money.Money;

/**
 * The agreements between the MSO and the practices, one block each as a reader checks them against the
 * signed documents: fee terms, services, the decisions the MSO controls, noncompete, term, fair market value
 * support, signature, and the compliance findings about that agreement or its practice.
 */
final class AgreementsSheet {

    static final String NAME = "Agreements";
    private static final int LAST_COLUMN = 4;

    private AgreementsSheet() {
    }

    static void write(SheetWriter w, Venture venture, ComplianceReport compliance) {
        Styles s = w.styles;
        FindingText text = new ClientLabels(venture).findingText();
        w.text(0, 0, "Agreements — what each practice agreed with the MSO", s.title);
        w.text(1, 0, "As the model states them; check them against the signed documents. Findings are from the compliance "
                + "checks (see the Findings sheet for citations and remediation).", s.subtitle);
        int r = 3;
        if (venture.agreements().isEmpty()) {
            w.text(r++, 0, "The model has no agreements.");
        }
        for (Agreement a : venture.agreements()) {
            Practice practice = venture.practices().stream().filter(p -> p.id().equals(a.practice())).findFirst().orElse(null);
            String title = type(a.type()) + " — " + (practice == null ? a.practice() : practice.name() + " (" + practice.state() + ")");
            // A block title across the page: one line, so not through header(), which sizes rows for wrapped titles.
            for (int c = 0; c <= LAST_COLUMN; c++) {
                w.cell(r, c, s.header);
            }
            w.row(r).getCell(0).setCellValue(title);
            w.sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 0, LAST_COLUMN));
            r++;
            r = line(w, r, "Model id", a.id());
            r = line(w, r, "Fee", a.fee() == null ? "no fee terms" : fee(a.fee()));
            r = line(w, r, "Services the MSO provides", a.services().isEmpty() ? "not stated" : ClientLabels.words(a.services()));
            r = line(w, r, "Decisions the MSO controls", a.msoControls().isEmpty() ? "none stated"
                    : ClientLabels.words(a.msoControls()));
            r = line(w, r, "Noncompete", a.noncompete() ? "yes" : "no");
            r = line(w, r, "Term", a.termMonths() == null ? "not stated" : a.termMonths() + " months");
            r = line(w, r, "Fair market value support", a.fmvOpinion() ? "fair market value opinion on file" : "no opinion on file");
            r = line(w, r, "Signed", a.signed() ? "yes" : "no (draft)");
            List<Finding> findings = compliance.findings().stream().filter(f -> concerns(f, a)).sorted(Finding.ORDER).toList();
            if (findings.isEmpty()) {
                r = line(w, r, "Findings", "none about this agreement or its practice");
            }
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                w.text(r, 0, i == 0 ? "Findings" : "", s.labelTop);
                w.text(r, 1, f.severity().id(), FindingsSheet.textStyle(s, f.severity()));
                w.textAcross(r, 2, LAST_COLUMN, f.ruleId() + " " + f.title() + ": " + text.message(f));
                r++;
            }
            r++;
        }
        w.widen(0, 28);
        w.widen(1, 12);
        w.widen(2, 40);
        w.widen(3, 30);
        w.widen(4, 30);
        w.finish(0, -1);
    }

    /** Findings about the agreement itself, or about its practice (transfer restrictions, ownership). */
    static boolean concerns(Finding f, Agreement a) {
        return f.subjectKind() == SubjectKind.AGREEMENT && f.subjectId().equals(a.id())
                || f.subjectKind() == SubjectKind.PRACTICE && f.subjectId().equals(a.practice());
    }

    private static int line(SheetWriter w, int r, String label, String value) {
        w.text(r, 0, label, w.styles.labelTop);
        w.textAcross(r, 1, LAST_COLUMN, value);
        return r + 1;
    }

    static String type(Agreement.Type type) {
        return switch (type) {
            case MANAGEMENT_SERVICES -> "Management services agreement";
            case STOCK_TRANSFER_RESTRICTION -> "Stock transfer restriction agreement";
            case LEASE -> "Lease";
            case EMPLOYMENT -> "Employment agreement";
            case OTHER -> "Agreement";
        };
    }

    /** The fee terms in words, as an agreement states them. */
    static String fee(FeeTerms fee) {
        String fixed = fee.monthly() == null ? "" : money(fee.monthly()) + " a month"
                + (fee.escalator() == null || fee.escalator().signum() == 0 ? "" : ", rising " + percent(fee.escalator()) + " a year");
        return switch (fee.basis()) {
            case FIXED -> "Fixed: " + fixed;
            case PERCENT_OF_COLLECTIONS -> "Percentage: " + percent(fee.percent()) + " of collections";
            case PERCENT_OF_NET -> "Percentage: " + percent(fee.percent()) + " of net (collections less clinician pay and practice costs)";
            case COST_PLUS -> "Cost plus: the MSO's cost of serving the practice plus " + percent(fee.markup());
            case HYBRID -> "Hybrid: " + fixed + " plus " + percent(fee.percent()) + " of collections";
            case RESIDUAL -> "Residual: whatever the practice earns after clinician pay and its costs";
        };
    }

    private static String money(Money m) {
        return String.format(Locale.US, "$%,.2f", m.amount());
    }

    private static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "(not stated)";
        }
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
