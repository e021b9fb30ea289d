package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xssf.usermodel.BaseXSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.BaseXSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumRef;

/**
 * POI's formula evaluation, with the workbook's defined names looked up in a map. POI finds a name by scanning
 * every defined name (twice for a function it does not know, such as COUNTIFS), once per name or function token of
 * every formula it parses; the Fees sheet names nine inputs per practice, so with 200 practices that scan made the
 * export quadratic. Its cells are indexed by row and column too ({@link IndexedSheet}). Everything else is POI's own
 * evaluator, so the values are the same.
 */
final class FormulaEvaluation {

    private FormulaEvaluation() {
    }

    /** A fresh evaluator, as {@code wb.getCreationHelper().createFormulaEvaluator()} gives, with indexed names. */
    static BaseXSSFFormulaEvaluator evaluator(XSSFWorkbook wb) {
        return new Evaluator(wb);
    }

    /**
     * A chart's data source over a range of cells, as POI's {@code XDDFDataSourcesFactory.fromNumericCellRange} makes
     * it, but each point is the cell's number as it stands (a formula's cached result) instead of a fresh evaluation:
     * POI evaluated every formula a chart reaches with a new evaluator per series, so the Fees chart evaluated the whole
     * fee projection twice more. A chart plotted before the workbook is evaluated holds placeholders until {@link
     * #refreshChartCaches} fills its caches from the evaluated cells.
     */
    static XDDFNumericalDataSource<Double> numericRange(XSSFSheet sheet, CellRangeAddress range) {
        return new NumericRange(sheet, range.copy());
    }

    /** Fills every chart's cached values from the cells its series refer to; call once every formula is evaluated. */
    static void refreshChartCaches(XSSFWorkbook wb) {
        for (Sheet sheet : wb) {
            XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
            if (drawing == null) {
                continue;
            }
            for (XSSFChart chart : drawing.getCharts()) {
                for (XmlObject found : chart.getCTChart().getPlotArea().selectPath(
                        "declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' .//c:numRef")) {
                    CTNumRef ref = (CTNumRef) found;
                    AreaReference area = new AreaReference(ref.getF(), SpreadsheetVersion.EXCEL2007);
                    XSSFSheet data = wb.getSheet(area.getFirstCell().getSheetName());
                    CellRangeAddress range = new CellRangeAddress(area.getFirstCell().getRow(), area.getLastCell().getRow(),
                            area.getFirstCell().getCol(), area.getLastCell().getCol());
                    new NumericRange(data, range).fillNumericalCache(ref.isSetNumCache() ? ref.getNumCache() : ref.addNewNumCache());
                }
            }
        }
    }

    private static final class Evaluator extends BaseXSSFFormulaEvaluator {
        private final XSSFWorkbook wb;
        private final IndexedNames evaluationWorkbook;

        private Evaluator(XSSFWorkbook wb) {
            this(wb, new IndexedNames(wb));
        }

        private Evaluator(XSSFWorkbook wb, IndexedNames evaluationWorkbook) {
            super(new WorkbookEvaluator(evaluationWorkbook, null, null));
            this.wb = wb;
            this.evaluationWorkbook = evaluationWorkbook;
        }

        @Override
        protected EvaluationCell toEvaluationCell(Cell cell) {
            XSSFCell c = (XSSFCell) cell;
            return evaluationWorkbook.sheet(wb.getSheetIndex(c.getSheet())).cell(c);
        }

        @Override
        public void notifySetFormula(Cell cell) {
            _bookEvaluator.notifyUpdateCell(changed(cell));
        }

        @Override
        public void notifyDeleteCell(Cell cell) {
            _bookEvaluator.notifyDeleteCell(changed(cell));
        }

        @Override
        public void notifyUpdateCell(Cell cell) {
            _bookEvaluator.notifyUpdateCell(changed(cell));
        }

        private EvaluationCell changed(Cell cell) {
            IndexedCell c = (IndexedCell) toEvaluationCell(cell);
            c.forget();
            return c;
        }

        @Override
        public void evaluateAll() {
            evaluateAllFormulaCells(wb, this);
        }
    }

    /**
     * POI's evaluation workbook, over {@link IndexedSheet}s, whose {@link #getName(String,
     * int)} looks in a map built once, keyed case-insensitively, with the same answer as POI's scan: the first name in
     * workbook order that matches and is global or scoped to the sheet, else a global one.
     */
    private static final class IndexedNames extends BaseXSSFEvaluationWorkbook {
        private final IndexedSheet[] sheets;
        private Map<String, List<Integer>> namesByKey;

        private IndexedNames(XSSFWorkbook wb) {
            super(wb);
            this.sheets = new IndexedSheet[wb.getNumberOfSheets()];
        }

        IndexedSheet sheet(int sheetIndex) {
            if (sheets[sheetIndex] == null) {
                sheets[sheetIndex] = new IndexedSheet(_uBook.getSheetAt(sheetIndex));
            }
            return sheets[sheetIndex];
        }

        @Override
        public EvaluationName getName(String name, int sheetIndex) {
            List<XSSFName> names = _uBook.getAllNames();
            for (int i : index().getOrDefault(key(name), List.of())) {
                XSSFName nm = names.get(i);
                int scope = nm.getSheetIndex();
                if (name.equalsIgnoreCase(nm.getNameName()) && (scope == -1 || scope == sheetIndex)) {
                    return new IndexedName(nm, i, this);
                }
            }
            return sheetIndex == -1 ? null : getName(name, -1);
        }

        private Map<String, List<Integer>> index() {
            if (namesByKey == null) {
                namesByKey = new HashMap<>();
                List<XSSFName> names = _uBook.getAllNames();
                for (int i = 0; i < names.size(); i++) {
                    namesByKey.computeIfAbsent(key(names.get(i).getNameName()), k -> new ArrayList<>()).add(i);
                }
            }
            return namesByKey;
        }

        /** Equal for names that {@code equalsIgnoreCase} calls equal (it compares characters folded this way). */
        private static String key(String name) {
            if (name == null) {
                return "";
            }
            StringBuilder folded = new StringBuilder(name.length());
            for (int i = 0; i < name.length(); i++) {
                folded.append(Character.toLowerCase(Character.toUpperCase(name.charAt(i))));
            }
            return folded.toString();
        }

        @Override
        public void clearAllCachedResultValues() {
            super.clearAllCachedResultValues();
            java.util.Arrays.fill(sheets, null);
            namesByKey = null;
        }

        @Override
        public EvaluationSheet getSheet(int sheetIndex) {
            return sheet(sheetIndex);
        }

        @Override
        public int getSheetIndex(EvaluationSheet sheet) {
            return _uBook.getSheetIndex(((IndexedSheet) sheet).sheet);
        }

        @Override
        public Ptg[] getFormulaTokens(EvaluationCell evalCell) {
            // The identity key of an evaluation cell is the cell. (POI parses each formula a second time, to look for
            // references to other workbooks, only for its own evaluation cells: this workbook has none.)
            XSSFCell cell = (XSSFCell) evalCell.getIdentityKey();
            return FormulaParser.parse(cell.getCellFormula(), this, FormulaType.CELL, _uBook.getSheetIndex(cell.getSheet()),
                    cell.getRowIndex());
        }
    }

    /**
     * A sheet as POI's evaluator reads it, with its cells in an array per row. POI's own evaluation sheet keeps them
     * in a hash map keyed by {@code (17 × 37 + row) × 37 + column}: on the Fee Projection, 17 columns per practice
     * over 60 rows, thousands of cells share each key, and every reference the evaluator follows searched them.
     */
    private static final class IndexedSheet implements EvaluationSheet {
        private static final IndexedCell[] NO_CELLS = new IndexedCell[0];
        private final XSSFSheet sheet;
        private final IndexedCell[][] rows;

        private IndexedSheet(XSSFSheet sheet) {
            this.sheet = sheet;
            this.rows = new IndexedCell[Math.max(0, sheet.getLastRowNum() + 1)][];
        }

        /** The evaluation cell of a cell of this sheet. */
        IndexedCell cell(XSSFCell cell) {
            IndexedCell found = (IndexedCell) getCell(cell.getRowIndex(), cell.getColumnIndex());
            return found != null ? found : new IndexedCell(this, cell, cell.getRowIndex(), cell.getColumnIndex());
        }

        @Override
        public EvaluationCell getCell(int rowIndex, int columnIndex) {
            if (rowIndex < 0 || rowIndex >= rows.length || columnIndex < 0) {
                return null;
            }
            IndexedCell[] row = rows[rowIndex];
            if (row == null) {
                XSSFRow r = sheet.getRow(rowIndex);
                row = r == null || r.getLastCellNum() <= 0 ? NO_CELLS : new IndexedCell[r.getLastCellNum()];
                rows[rowIndex] = row;
            }
            if (columnIndex >= row.length) {
                return null;
            }
            if (row[columnIndex] == null) {
                XSSFCell c = sheet.getRow(rowIndex).getCell(columnIndex);
                if (c == null) {
                    return null;
                }
                row[columnIndex] = new IndexedCell(this, c, rowIndex, columnIndex);
            }
            return row[columnIndex];
        }

        @Override
        public void clearAllCachedResultValues() {
            java.util.Arrays.fill(rows, null);
        }

        @Override
        public int getLastRowNum() {
            return sheet.getLastRowNum();
        }

        @Override
        public boolean isRowHidden(int rowIndex) {
            XSSFRow row = sheet.getRow(rowIndex);
            return row != null && row.getZeroHeight();
        }
    }

    /**
     * A cell as POI's evaluator reads it. Its position is kept (the cell reads its row number from the XML each time),
     * and so is a constant's type and value, which the evaluator reads once for every formula that refers to it:
     * nothing but a formula's own result changes while the workbook is evaluated.
     */
    private static final class IndexedCell implements EvaluationCell {
        private final IndexedSheet sheet;
        private final XSSFCell cell;
        private final int row;
        private final int column;
        private CellType type;
        private double number;

        private IndexedCell(IndexedSheet sheet, XSSFCell cell, int row, int column) {
            this.sheet = sheet;
            this.cell = cell;
            this.row = row;
            this.column = column;
        }

        /** The cell was changed: read its type and value again. */
        void forget() {
            type = null;
        }

        @Override
        public Object getIdentityKey() {
            return cell;
        }

        @Override
        public EvaluationSheet getSheet() {
            return sheet;
        }

        @Override
        public int getRowIndex() {
            return row;
        }

        @Override
        public int getColumnIndex() {
            return column;
        }

        @Override
        public CellType getCellType() {
            if (type == null) {
                type = cell.getCellType();
                if (type == CellType.NUMERIC) {
                    number = cell.getNumericCellValue();
                }
            }
            return type;
        }

        @Override
        public double getNumericCellValue() {
            return getCellType() == CellType.NUMERIC ? number : cell.getNumericCellValue();
        }

        @Override
        public String getStringCellValue() {
            return cell.getRichStringCellValue().getString();
        }

        @Override
        public boolean getBooleanCellValue() {
            return cell.getBooleanCellValue();
        }

        @Override
        public int getErrorCellValue() {
            return cell.getErrorCellValue();
        }

        @Override
        public CellRangeAddress getArrayFormulaRange() {
            return cell.getArrayFormulaRange();
        }

        @Override
        public boolean isPartOfArrayFormulaGroup() {
            return cell.isPartOfArrayFormulaGroup();
        }

        @Override
        public CellType getCachedFormulaResultType() {
            return cell.getCachedFormulaResultType();
        }
    }

    /** POI's (private) evaluation name, for a name found in the index. */
    private record IndexedName(XSSFName name, int index, IndexedNames workbook) implements EvaluationName {
        @Override
        public Ptg[] getNameDefinition() {
            return FormulaParser.parse(name.getRefersToFormula(), workbook, FormulaType.NAMEDRANGE, name.getSheetIndex());
        }

        @Override
        public String getNameText() {
            return name.getNameName();
        }

        @Override
        public boolean hasFormula() {
            return !name.getFunction() && name.getRefersToFormula() != null;
        }

        @Override
        public boolean isFunctionName() {
            return name.isFunctionName();
        }

        @Override
        public boolean isRange() {
            return hasFormula();
        }

        @Override
        public NamePtg createPtg() {
            return new NamePtg(index);
        }
    }

    /** POI's numeric cell-range data source, reading each cell's number as it stands. */
    private static final class NumericRange implements XDDFNumericalDataSource<Double> {
        private final XSSFSheet sheet;
        private final CellRangeAddress range;
        private String formatCode;

        private NumericRange(XSSFSheet sheet, CellRangeAddress range) {
            this.sheet = sheet;
            this.range = range;
        }

        @Override
        public int getPointCount() {
            return range.getNumberOfCells();
        }

        /** As POI's evaluator answers for the cell once evaluated: its number, or null when it holds none. */
        @Override
        public Double getPointAt(int index) {
            if (index < 0 || index >= getPointCount()) {
                throw new IndexOutOfBoundsException("Index must be between 0 and " + (getPointCount() - 1) + " (inclusive), given: "
                        + index);
            }
            int width = range.getLastColumn() - range.getFirstColumn() + 1;
            XSSFRow row = sheet.getRow(range.getFirstRow() + index / width);
            XSSFCell cell = row == null ? null : row.getCell(range.getFirstColumn() + index % width);
            if (cell == null) {
                return null;
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            return type == CellType.NUMERIC ? Double.valueOf(cell.getNumericCellValue()) : null;
        }

        @Override
        public boolean isCellRange() {
            return true;
        }

        @Override
        public boolean isReference() {
            return true;
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public int getColIndex() {
            return range.getFirstColumn();
        }

        @Override
        public String getDataRangeReference() {
            return range.formatAsString(sheet.getSheetName(), true);
        }

        @Override
        public String getFormatCode() {
            return formatCode;
        }

        @Override
        public void setFormatCode(String formatCode) {
            this.formatCode = formatCode;
        }
    }
}
