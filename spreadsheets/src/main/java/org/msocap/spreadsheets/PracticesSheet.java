package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.msocap.captable.PracticeOwnership;
import org.msocap.model.License;
import org.msocap.model.Practice;
import org.msocap.model.Venture;

/**
 * The professional entities: who may own them (licensees only), who sits on their boards, and the stock
 * transfer restriction that lets the MSO name the next shareholder. Ownership percentages are formulas.
 */
final class PracticesSheet {

    static final String NAME = "Practices";
    static final int HEADER_ROW = 2;

    private PracticesSheet() {
    }

    static void write(SheetWriter w, Venture venture, List<PracticeOwnership> ownership) {
        Styles s = w.styles;
        w.text(0, 0, "Practices — professional entities owned only by licensed clinicians", s.title);
        w.header(HEADER_ROW, "Practice", "Name", "State", "Form", "Profession", "Total shares", "Directors", "Officers",
                "MSO designates transferee", "Call right at will", "Nominal price", "Services", "Patient states");
        int r = HEADER_ROW + 1;
        if (venture.practices().isEmpty()) {
            w.text(r++, 0, "The model has no practices.");
        }
        for (Practice p : venture.practices()) {
            w.text(r, 0, p.id());
            w.text(r, 1, p.name());
            w.text(r, 2, p.state());
            w.text(r, 3, p.form().id());
            w.text(r, 4, p.profession());
            w.number(r, 5, p.totalShares(), s.shares);
            w.text(r, 6, names(venture, p.directors()));
            w.text(r, 7, officers(venture, p.officers()));
            Practice.TransferRestriction t = p.transferRestriction();
            w.text(r, 8, t == null ? "no agreement" : yesNo(t.msoDesignatesTransferee()));
            w.text(r, 9, t == null ? "no agreement" : yesNo(t.callRightAtWill()));
            if (t != null && t.nominalPrice() != null) {
                w.money(r, 10, t.nominalPrice(), s.money);
            }
            w.text(r, 11, String.join(", ", p.services()));
            w.text(r, 12, String.join(", ", p.patientStates()));
            r++;
        }

        r++;
        w.text(r++, 0, "Shareholders", s.label);
        w.header(r++, "Practice", "Holder", "Name", "Shares", "% of practice", "Licenses");
        int first = r;
        List<Row> rows = new ArrayList<>();
        for (PracticeOwnership p : ownership) {
            for (PracticeOwnership.Owner o : p.owners()) {
                rows.add(new Row(p.practiceId(), o));
            }
        }
        int last = first + rows.size() - 1;
        for (Row row : rows) {
            w.text(r, 0, row.practice());
            w.text(r, 1, row.owner().holder());
            w.text(r, 2, row.owner().holderName());
            w.number(r, 3, row.owner().shares(), s.shares);
            // Share of the practice = own shares ÷ all shares of the same practice, so edits recalculate.
            w.formula(r, 4, "D" + (r + 1) + "/SUMIF($A$" + (first + 1) + ":$A$" + (last + 1) + ",A" + (r + 1) + ",$D$"
                    + (first + 1) + ":$D$" + (last + 1) + ")", s.percent);
            w.text(r, 5, licenses(row.owner().licenses()));
            r++;
        }
        w.finish(HEADER_ROW, HEADER_ROW);
    }

    private record Row(String practice, PracticeOwnership.Owner owner) {
    }

    static String names(Venture venture, List<String> ids) {
        return ids.stream().map(id -> venture.requirePerson(id).name()).collect(Collectors.joining("; "));
    }

    static String officers(Venture venture, Map<String, String> officers) {
        return officers.entrySet().stream().map(e -> e.getKey() + ": " + venture.requirePerson(e.getValue()).name())
                .collect(Collectors.joining("; "));
    }

    private static String licenses(List<License> licenses) {
        if (licenses.isEmpty()) {
            return "none";
        }
        return licenses.stream().map(l -> l.profession() + " " + l.state() + " " + l.status().id()
                + (l.expires() == null ? "" : " until " + l.expires())).collect(Collectors.joining("; "));
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
