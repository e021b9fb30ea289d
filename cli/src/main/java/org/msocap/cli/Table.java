package org.msocap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.msocap.model.Shown;

/**
 * A titled table of strings printed as aligned text or as CSV. Numbers are formatted before they get
 * here, so the table never rounds anything itself.
 */
public final class Table {

    public enum Align { LEFT, RIGHT }

    /**
     * A cell that reads differently as text and in CSV: a class, claimant, practice or agreement by its name for people
     * ({@code text}) and by its id for programs ({@code csv}), as JSON keeps the ids.
     */
    public record Cell(String text, String csv) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final String title;
    private final List<String> headers = new ArrayList<>();
    private final List<String> csvHeaders = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> csvRows = new ArrayList<>();
    private final List<Integer> separatorsBefore = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Table(String title) {
        // Names come from the model file as written: a line break or a bidirectional override in one would break the
        // table's lines (and a CSV "# title" line) or reverse what a reader sees, so they print as escapes (\n, \u202E).
        this.title = title == null ? null : Shown.escape(title);
    }

    public Table left(String header) {
        return column(new Cell(header, header), Align.LEFT);
    }

    public Table right(String header) {
        return column(new Cell(header, header), Align.RIGHT);
    }

    /** A right-aligned column whose header reads differently in CSV: a PLLC's "units" stays "shares", as its JSON key. */
    public Table right(Cell header) {
        return column(header, Align.RIGHT);
    }

    private Table column(Cell header, Align align) {
        headers.add(header.text());
        csvHeaders.add(header.csv());
        aligns.add(align);
        return this;
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells but the table has " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        List<String> csvRow = new ArrayList<>(cells.length);
        for (Object c : cells) {
            row.add(c == null ? "" : Shown.escape(c.toString()));
            csvRow.add(c instanceof Cell cell ? cell.csv() : c == null ? "" : c.toString());
        }
        rows.add(row);
        csvRows.add(csvRow);
        return this;
    }

    /** A line printed under the table as text (not in CSV), once however often it is added. */
    public Table note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
        return this;
    }

    /** A rule before the next row, e.g. above a total line. */
    public Table rule() {
        separatorsBefore.add(rows.size());
        return this;
    }

    public String title() {
        return title;
    }

    public int size() {
        return rows.size();
    }

    public void printText(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        if (title != null && !title.isEmpty()) {
            out.println(title);
        }
        out.println(line(headers, widths));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (int r = 0; r < rows.size(); r++) {
            if (separatorsBefore.contains(r)) {
                out.println(rule);
            }
            out.println(line(rows.get(r), widths));
        }
        notes.forEach(out::println);
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String c = cells.get(i);
            String pad = " ".repeat(widths[i] - c.length());
            sb.append(aligns.get(i) == Align.RIGHT ? pad + c : c + pad);
        }
        return sb.toString().stripTrailing();
    }

    /** RFC 4180 CSV, optionally with a header row. */
    public void printCsv(PrintWriter out, boolean withHeader) {
        if (withHeader) {
            out.println(csvLine(csvHeaders));
        }
        for (List<String> r : csvRows) {
            List<String> cells = new ArrayList<>(r.size());
            for (int j = 0; j < r.size(); j++) {
                String c = r.get(j);
                // Numbers are the right-aligned columns; a name in a left-aligned one stays as written, even "1,250x".
                cells.add(c.equals(Formats.NO_RATE) ? "" : aligns.get(j) == Align.RIGHT ? plainNumber(c) : c);
            }
            out.println(csvLine(cells));
        }
    }

    private static final java.util.regex.Pattern GROUPED_NUMBER =
            java.util.regex.Pattern.compile("-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?[%x]?");

    /**
     * CSV is for programs: numbers lose their thousands separators (and a {@code -0.00} its sign) so a
     * spreadsheet in any locale or a data frame reads them as numbers.
     */
    static String plainNumber(String cell) {
        if (!GROUPED_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        String plain = cell.replace(",", "");
        return plain.matches("-0+(\\.0+)?[%x]?") ? plain.substring(1) : plain;
    }


    static String csvLine(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csvCell(cells.get(i)));
        }
        return sb.toString();
    }

    /** A number as CSV carries it: plain digits, perhaps a sign, a percent or an "x" (a multiple). */
    private static final java.util.regex.Pattern CSV_NUMBER =
            java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?[%x]?");

    /**
     * One CSV field. Text that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
     * return: a holder named {@code =cmd|' /C calc'!A0}) gets a leading single quote and is quoted, as the OWASP
     * CSV-injection guidance says; numbers, negative ones included, stay numbers.
     */
    static String csvCell(String c) {
        boolean formula = !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !CSV_NUMBER.matcher(c).matches();
        String text = formula ? "'" + c : c;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
