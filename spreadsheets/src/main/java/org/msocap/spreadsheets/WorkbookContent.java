package org.msocap.spreadsheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.msocap.captable.CapTable;
import org.msocap.fees.BasisComparison;
import org.msocap.fees.FeeModel;
import org.msocap.fees.FeeProjector;
import org.msocap.fees.Period;
import org.msocap.fees.Projection;
import org.msocap.model.ModelException;
import org.msocap.model.Venture;

/**
 * Everything the workbook shows, computed by core's engines before a single cell is written: the
 * spreadsheets module lays results out and adds formulas that re-derive them, it never computes an
 * engine number of its own.
 *
 * @param venture the model, for names, dates, practices, people and agreements
 * @param capTable the MSO's fully diluted cap table and the practices' ownership
 * @param fees the fee projection; may be null when the model cannot be projected (see {@code omitted})
 * @param omitted why a sheet is missing, one line each, shown on the Summary sheet
 */
public record WorkbookContent(Venture venture, CapTable capTable, Fees fees, List<String> omitted) {

    /**
     * The fee engine's results.
     *
     * @param model the resolved inputs (terms and financials per practice) that become input cells
     * @param monthly the monthly projection the formulas must reproduce
     * @param comparisons one fee-basis comparison per managed practice
     */
    public record Fees(FeeModel model, Projection monthly, List<BasisComparison> comparisons) {
        public Fees {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(monthly, "monthly");
            comparisons = List.copyOf(comparisons);
        }
    }

    public WorkbookContent {
        Objects.requireNonNull(venture, "venture");
        Objects.requireNonNull(capTable, "capTable");
        omitted = List.copyOf(omitted);
    }

    public Optional<Fees> feeSection() {
        return Optional.ofNullable(fees);
    }

    /** Runs every core engine the workbook needs on {@code venture}; a section the model cannot support is omitted and said so. */
    public static WorkbookContent of(Venture venture) {
        List<String> omitted = new ArrayList<>();
        Fees fees = null;
        try {
            FeeModel model = FeeModel.resolve(venture);
            Projection monthly = FeeProjector.DEFAULT.project(model, Period.MONTH);
            List<BasisComparison> comparisons = model.practices().stream()
                    .map(p -> FeeProjector.DEFAULT.compareBases(venture, p.practiceId())).toList();
            fees = new Fees(model, monthly, comparisons);
        } catch (ModelException e) {
            omitted.add("Fees: " + e.getMessage());
        }
        return new WorkbookContent(venture, CapTable.of(venture), fees, omitted);
    }
}
