package org.msocap.spreadsheets;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Every cell style the workbook uses, built once per workbook: a workbook holds at most 64,000 styles,
 * and creating one per cell is the classic way to exceed that (POI's LoanCalculator does the same).
 */
final class Styles {

    static final String MONEY_FORMAT = "#,##0.00";
    static final String PERCENT_FORMAT = "0.00%";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String SHARES_FORMAT = "#,##0";
    static final String DECIMAL_FORMAT = "#,##0.####";
    static final String MULTIPLE_FORMAT = "0.00\"x\"";

    final CellStyle title;
    final CellStyle subtitle;
    /** A subtitle wrapped across the width of the table below it, so it never widens the printed page. */
    final CellStyle subtitleWrapped;
    final CellStyle header;
    final CellStyle text;
    final CellStyle textInput;
    final CellStyle wrapped;
    final CellStyle label;
    /** A bold label beside wrapped text: at the top of its row, where the text starts. */
    final CellStyle labelTop;
    final CellStyle money;
    final CellStyle moneyTotal;
    final CellStyle moneyInput;
    final CellStyle percent;
    final CellStyle percentTotal;
    final CellStyle percentInput;
    final CellStyle shares;
    /** A simulated statistic in currency units: an analytic estimate, shown whole as the report prints it. */
    final CellStyle estimate;
    final CellStyle sharesTotal;
    final CellStyle decimal;
    final CellStyle decimalInput;
    final CellStyle date;
    final CellStyle integer;
    final CellStyle count;
    /** A multiple on invested capital as bankers write it: 1.78x. */
    final CellStyle multiple;
    /** "—" where a multiple or a rate does not apply (no cost): right-aligned in its number column. */
    final CellStyle notApplicable;
    final CellStyle totalLabel;
    final CellStyle notice;
    final CellStyle critical;
    final CellStyle high;
    final CellStyle medium;
    final CellStyle low;
    final CellStyle info;
    /** Severity as coloured bold text, no fill: for tables whose first column is wide (the Summary's). */
    final CellStyle criticalText;
    final CellStyle highText;
    final CellStyle mediumText;
    final CellStyle lowText;
    final CellStyle infoText;

    Styles(Workbook wb) {
        DataFormat fmt = wb.createDataFormat();
        Font bold = wb.createFont();
        bold.setBold(true);
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        Font subtitleFont = wb.createFont();
        subtitleFont.setItalic(true);
        subtitleFont.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        Font headerFont = wb.createFont();
        headerFont.setBold(true);
        headerFont.setColor(IndexedColors.WHITE.getIndex());
        // Inputs are blue, as bankers colour hard-coded inputs, so a reader sees what to change.
        Font inputFont = wb.createFont();
        inputFont.setColor(IndexedColors.BLUE.getIndex());
        Font noticeFont = wb.createFont();
        noticeFont.setBold(true);
        noticeFont.setColor(IndexedColors.DARK_RED.getIndex());

        title = wb.createCellStyle();
        title.setFont(titleFont);
        subtitle = wb.createCellStyle();
        subtitle.setFont(subtitleFont);
        subtitleWrapped = wb.createCellStyle();
        subtitleWrapped.setFont(subtitleFont);
        subtitleWrapped.setWrapText(true);
        subtitleWrapped.setVerticalAlignment(VerticalAlignment.TOP);

        header = wb.createCellStyle();
        header.setFont(headerFont);
        header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);

        text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        textInput = wb.createCellStyle();
        textInput.setFont(inputFont);
        input(textInput);
        wrapped = wb.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        label = wb.createCellStyle();
        label.setFont(bold);
        labelTop = wb.createCellStyle();
        labelTop.setFont(bold);
        labelTop.setVerticalAlignment(VerticalAlignment.TOP);
        totalLabel = wb.createCellStyle();
        totalLabel.setFont(bold);
        totalLabel.setBorderTop(BorderStyle.THIN);

        money = numeric(wb, fmt, MONEY_FORMAT, null, false);
        moneyTotal = numeric(wb, fmt, MONEY_FORMAT, bold, true);
        moneyInput = input(numeric(wb, fmt, MONEY_FORMAT, inputFont, false));
        percent = numeric(wb, fmt, PERCENT_FORMAT, null, false);
        percentTotal = numeric(wb, fmt, PERCENT_FORMAT, bold, true);
        percentInput = input(numeric(wb, fmt, PERCENT_FORMAT, inputFont, false));
        shares = numeric(wb, fmt, SHARES_FORMAT, null, false);
        sharesTotal = numeric(wb, fmt, SHARES_FORMAT, bold, true);
        estimate = numeric(wb, fmt, SHARES_FORMAT, null, false);
        decimal = numeric(wb, fmt, DECIMAL_FORMAT, null, false);
        decimalInput = input(numeric(wb, fmt, DECIMAL_FORMAT, inputFont, false));
        date = numeric(wb, fmt, DATE_FORMAT, null, false);
        date.setAlignment(HorizontalAlignment.LEFT);
        // An index that labels its row (a year, a segment, a run): left-aligned like the labels it stands for.
        integer = numeric(wb, fmt, "0", null, false);
        integer.setAlignment(HorizontalAlignment.LEFT);
        // A count or a rank: right-aligned like every other number, so it never runs into its neighbour.
        count = numeric(wb, fmt, "0", null, false);
        multiple = numeric(wb, fmt, MULTIPLE_FORMAT, null, false);
        notApplicable = numeric(wb, fmt, "@", null, false);
        notApplicable.setAlignment(HorizontalAlignment.RIGHT);

        notice = wb.createCellStyle();
        notice.setFont(noticeFont);

        critical = severity(wb, IndexedColors.RED, IndexedColors.WHITE);
        high = severity(wb, IndexedColors.ORANGE, IndexedColors.BLACK);
        medium = severity(wb, IndexedColors.LIGHT_YELLOW, IndexedColors.BLACK);
        low = severity(wb, IndexedColors.LIGHT_TURQUOISE, IndexedColors.BLACK);
        info = severity(wb, IndexedColors.GREY_25_PERCENT, IndexedColors.BLACK);
        criticalText = severityText(wb, IndexedColors.RED);
        highText = severityText(wb, IndexedColors.ORANGE);
        mediumText = severityText(wb, IndexedColors.DARK_YELLOW);
        lowText = severityText(wb, IndexedColors.TEAL);
        infoText = severityText(wb, IndexedColors.GREY_50_PERCENT);
    }

    private static CellStyle numeric(Workbook wb, DataFormat fmt, String format, Font font, boolean total) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(fmt.getFormat(format));
        // At the top of the row, level with the first line of any wrapped text beside it.
        s.setVerticalAlignment(VerticalAlignment.TOP);
        if (font != null) {
            s.setFont(font);
        }
        if (total) {
            s.setBorderTop(BorderStyle.THIN);
        }
        return s;
    }

    private static CellStyle input(CellStyle s) {
        s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static CellStyle severity(Workbook wb, IndexedColors fill, IndexedColors fontColor) {
        Font f = wb.createFont();
        f.setBold(true);
        f.setColor(fontColor.getIndex());
        CellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setFillForegroundColor(fill.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    private static CellStyle severityText(Workbook wb, IndexedColors fontColor) {
        Font f = wb.createFont();
        f.setBold(true);
        f.setColor(fontColor.getIndex());
        CellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }
}
