package org.msocap.spreadsheets;

import java.util.Objects;
import org.msocap.captable.CapTable;
import org.msocap.model.Venture;

/**
 * Everything the workbook shows, computed by core's engines before a single cell is written: the
 * spreadsheets module lays results out and adds formulas that re-derive them, it never computes an
 * engine number of its own.
 *
 * @param venture the model, for names, dates, practices, people and agreements
 * @param capTable the MSO's fully diluted cap table and the practices' ownership
 */
public record WorkbookContent(Venture venture, CapTable capTable) {

    public WorkbookContent {
        Objects.requireNonNull(venture, "venture");
        Objects.requireNonNull(capTable, "capTable");
    }

    /** Runs every core engine the workbook needs on {@code venture}. */
    public static WorkbookContent of(Venture venture) {
        return new WorkbookContent(venture, CapTable.of(venture));
    }
}
