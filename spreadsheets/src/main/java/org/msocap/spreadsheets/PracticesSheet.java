package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.msocap.captable.PracticeOwnership;
import org.msocap.model.EquityTerms;
import org.msocap.model.License;
import org.msocap.model.Practice;
import org.msocap.model.Venture;

/**
 * The professional entities: who may own them (licensees only), who sits on their boards, and the stock
 * transfer restriction that lets the MSO name the next shareholder. Ownership percentages are formulas. A PLLC's owners
 * are members holding units, every other form's shareholders holding shares; the headings name what the sheet holds.
 */
final class PracticesSheet {

    static final String NAME = "Practices";
    static final int HEADER_ROW = 2;

    private PracticesSheet() {
    }

    static void write(SheetWriter w, Venture venture, List<PracticeOwnership> ownership) {
        Styles s = w.styles;
        w.text(0, 0, "Practices — professional entities owned only by licensed clinicians", s.title);
        // Long lists wrap in columns of their own width, and numbers come last in each row, so the page is
        // readable at print size and no number runs into the text beside it.
        List<EquityTerms> terms = termsOf(venture.practices());
        w.header(HEADER_ROW, "Practice", "State", "Form", "Profession", "Directors", "Officers", "Stock transfer restriction",
                "Services", "Patient states", "Total " + words(terms, EquityTerms::units));
        int r = HEADER_ROW + 1;
        if (venture.practices().isEmpty()) {
            w.text(r++, 0, "The model has no practices.");
        }
        for (Practice p : venture.practices()) {
            w.text(r, 0, p.name(), s.wrapped);
            w.text(r, 1, p.state());
            w.text(r, 2, ClientLabels.words(p.form().id()));
            w.text(r, 3, p.profession());
            w.text(r, 4, names(venture, p.directors()), s.wrapped);
            w.text(r, 5, officers(venture, p.officers()), s.wrapped);
            w.text(r, 6, restriction(p.transferRestriction(), p.terms()), s.wrapped);
            w.text(r, 7, ClientLabels.words(p.services()), s.wrapped);
            w.text(r, 8, String.join(", ", p.patientStates()), s.wrapped);
            w.number(r, 9, p.totalShares(), s.shares);
            r++;
        }

        r++;
        w.text(r++, 0, EquityTerms.capitalized(words(terms, EquityTerms::owners)), s.label);
        w.header(r, "Practice", EquityTerms.capitalized(words(terms, EquityTerms::owner)), "Licenses", "", "", "", "", "",
                EquityTerms.capitalized(words(terms, EquityTerms::units)), "% of practice");
        w.sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 2, 7));
        r++;
        int first = r;
        List<Row> rows = new ArrayList<>();
        for (PracticeOwnership p : ownership) {
            for (PracticeOwnership.Owner o : p.owners()) {
                rows.add(new Row(p.practiceId(), o));
            }
        }
        int last = first + rows.size() - 1;
        // The practice id each share count is summed by, in a working column out of the client's view.
        int key = 10;
        String keys = "$" + SheetWriter.column(key) + "$" + (first + 1) + ":$" + SheetWriter.column(key) + "$" + (last + 1);
        for (Row row : rows) {
            w.text(r, 0, practiceName(venture, row.practice()), s.wrapped);
            w.text(r, 1, row.owner().holderName(), s.wrapped);
            w.textAcross(r, 2, 7, licenses(row.owner().licenses()));
            w.number(r, 8, row.owner().shares(), s.shares);
            // Share of the practice = own shares ÷ all shares of the same practice, so edits recalculate.
            w.formula(r, 9, "I" + (r + 1) + "/SUMIF(" + keys + "," + SheetWriter.column(key) + (r + 1) + ",$I$" + (first + 1)
                    + ":$I$" + (last + 1) + ")", s.percent);
            w.text(r, key, row.practice());
            r++;
        }
        if (!rows.isEmpty()) {
            w.workings(key, key);
        }
        w.widen(0, 30);
        w.widen(1, 18);
        for (int c = 4; c <= 8; c++) {
            w.widen(c, 22);
        }
        w.finish(HEADER_ROW, HEADER_ROW);
    }

    private static String practiceName(Venture venture, String id) {
        return venture.practices().stream().filter(p -> p.id().equals(id)).map(Practice::name).findFirst().orElse(id);
    }

    /** The words the practices use, shareholders' first: both kinds when a PLLC sits beside a PC. */
    private static List<EquityTerms> termsOf(List<Practice> practices) {
        Set<EquityTerms> used = practices.stream().map(Practice::terms).collect(Collectors.toSet());
        List<EquityTerms> out = Stream.of(EquityTerms.PROFESSIONAL_CORPORATION, EquityTerms.LLC).filter(used::contains).toList();
        return out.isEmpty() ? List.of(EquityTerms.PROFESSIONAL_CORPORATION) : out;
    }

    /** One word of each kind in use: "shares", "units", or "shares / units". */
    private static String words(List<EquityTerms> terms, Function<EquityTerms, String> word) {
        return terms.stream().map(word).collect(Collectors.joining(" / "));
    }

    private static String restriction(Practice.TransferRestriction t, EquityTerms practiceTerms) {
        if (t == null) {
            return "no agreement";
        }
        List<String> terms = new ArrayList<>();
        terms.add(t.msoDesignatesTransferee() ? "MSO designates the transferee" : "MSO does not designate the transferee");
        if (t.callRightAtWill()) {
            terms.add("MSO may call the " + practiceTerms.units() + " at will");
        }
        if (t.nominalPrice() != null) {
            terms.add(String.format(java.util.Locale.US, "nominal price $%,.2f", t.nominalPrice().amount()));
        }
        return String.join("; ", terms);
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
