package org.msocap.spreadsheets;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.XDDFAreaChartData;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts (XDDF) over cell ranges, so they follow the cells when inputs change. Charts live
 * on ordinary sheets only: a streamed (SXSSF) sheet cannot hold one.
 */
final class Charts {

    private Charts() {
    }

    /** Where a chart sits, in cells: columns and rows of its top-left and bottom-right corners. */
    record Anchor(int col1, int row1, int col2, int row2) {
    }

    /** One data series: its legend title and the column holding its values. */
    record Series(String title, int column) {
    }

    /** A line chart of several columns against a category column (periods, years). */
    static XSSFChart line(XSSFSheet host, String title, String xTitle, String yTitle, Anchor at, XSSFSheet data,
                          int firstRow, int lastRow, int categoryColumn, List<Series> series) {
        XSSFChart chart = chart(host, title, at);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle(xTitle);
        XDDFValueAxis y = valueAxis(chart, yTitle);
        XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFDataSource<Double> categories = column(data, firstRow, lastRow, categoryColumn);
        for (Series s : series) {
            XDDFLineChartData.Series line = (XDDFLineChartData.Series) lines.addSeries(categories, column(data, firstRow, lastRow, s.column()));
            line.setTitle(s.title(), null);
            line.setSmooth(false);
            line.setMarkerStyle(MarkerStyle.NONE);
            stroke(line, lines.getSeriesCount() - 1);
        }
        chart.plot(lines);
        unlinkAxisFormats(chart);
        return chart;
    }

    /**
     * A stacked area chart of several columns against evenly spaced categories (exit values): each band is one
     * series, the top edge their total.
     */
    static XSSFChart stackedArea(XSSFSheet host, String title, String xTitle, String yTitle, Anchor at, XSSFSheet data,
                                 int firstRow, int lastRow, int categoryColumn, List<Series> series) {
        XSSFChart chart = chart(host, title, at);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle(xTitle);
        x.setNumberFormat(AXIS_FORMAT);
        XDDFValueAxis y = valueAxis(chart, yTitle);
        XDDFAreaChartData areas = (XDDFAreaChartData) chart.createData(ChartTypes.AREA, x, y);
        areas.setGrouping(Grouping.STACKED);
        XDDFDataSource<Double> categories = column(data, firstRow, lastRow, categoryColumn);
        for (Series s : series) {
            XDDFChartData.Series band = areas.addSeries(categories, column(data, firstRow, lastRow, s.column()));
            band.setTitle(s.title(), null);
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PALETTE[(areas.getSeriesCount() - 1) % PALETTE.length])));
            band.setShapeProperties(shape);
        }
        chart.plot(areas);
        unlinkAxisFormats(chart);
        return chart;
    }

    /** A column chart (a histogram when the categories are bins). */
    static XSSFChart columns(XSSFSheet host, String title, String xTitle, String yTitle, Anchor at, XSSFSheet data,
                             int firstRow, int lastRow, int categoryColumn, Series series) {
        XSSFChart chart = chart(host, title, at);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle(xTitle);
        XDDFValueAxis y = valueAxis(chart, yTitle);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        bars.setBarDirection(BarDirection.COL);
        bars.setGapWidth(10);
        XDDFChartData.Series s = bars.addSeries(column(data, firstRow, lastRow, categoryColumn), column(data, firstRow, lastRow, series.column()));
        s.setTitle(series.title(), null);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PALETTE[0])));
        s.setShapeProperties(shape);
        chart.plot(bars);
        unlinkAxisFormats(chart);
        return chart;
    }

    /** Series colors; without explicit line properties LibreOffice draws the lines invisibly. */
    private static final PresetColor[] PALETTE = {PresetColor.ROYAL_BLUE, PresetColor.DARK_ORANGE, PresetColor.FOREST_GREEN,
        PresetColor.CRIMSON, PresetColor.PURPLE, PresetColor.TEAL, PresetColor.GOLDENROD, PresetColor.SADDLE_BROWN,
        PresetColor.DEEP_PINK, PresetColor.SLATE_GRAY, PresetColor.OLIVE, PresetColor.NAVY};

    private static void stroke(XDDFChartData.Series series, int index) {
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(PALETTE[index % PALETTE.length])));
        line.setWidth(2.0);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        series.setShapeProperties(shape);
    }

    /**
     * Whole numbers on value axes: ticks such as 1,600,000.00 take room from the axis title, and cents say
     * nothing at a chart's resolution.
     */
    private static final String AXIS_FORMAT = "#,##0";

    /**
     * POI links an axis format to its source cells, which makes readers show the cells' format (with
     * cents) instead; unlink every value axis once the chart is plotted.
     */
    private static void unlinkAxisFormats(XSSFChart chart) {
        for (var axis : chart.getCTChart().getPlotArea().getValAxList()) {
            if (axis.isSetNumFmt()) {
                axis.getNumFmt().setSourceLinked(false);
            }
        }
    }

    private static XSSFChart chart(XSSFSheet host, String title, Anchor at) {
        XSSFDrawing drawing = host.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, at.col1(), at.row1(), at.col2(), at.row2()));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private static XDDFValueAxis valueAxis(XSSFChart chart, String title) {
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(title);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setNumberFormat(AXIS_FORMAT);
        return y;
    }

    private static XDDFNumericalDataSource<Double> column(XSSFSheet data, int firstRow, int lastRow, int column) {
        return FormulaEvaluation.numericRange(data, new CellRangeAddress(firstRow, lastRow, column, column));
    }
}
