package org.msocap.cli;

import org.msocap.model.Venture;
import org.msocap.spreadsheets.ClientLabels;

/**
 * What the command line's tables call classes and other waterfall claimants: the workbook's labels ({@link ClientLabels}),
 * so a table and the workbook say the same — "Class A Preferred Units" or "Class A" for {@code class-a}, "Incentive over a
 * $40,000,000.00 hurdle" for {@code incentive@hurdle-40000000}, "Incentive above $200.00 a unit — Dana Whitfield
 * (performance-vested)" for {@code incentive@200/dana}, "Options at $0.25", "SAFE — Priya Raman". JSON and CSV keep the
 * ids: they are keys programs read.
 */
final class ClassNames {

    private final ClientLabels labels;

    ClassNames(Venture venture) {
        this.labels = new ClientLabels(venture);
    }

    /** A class or any other waterfall claimant (a series, options, warrants, a SAFE, a note) as the workbook names it. */
    String of(String id) {
        return labels.claimant(id);
    }

    /** A simulated class or security group ({@code options}, {@code safes}, {@code cash-at-close}) as the workbook says it. */
    String simulated(String key) {
        return labels.simulated(key);
    }

    /** A claimant's cell: its name as text, its id in CSV. */
    Table.Cell cell(String id) {
        return new Table.Cell(of(id), id);
    }

    /** A practice's cell: its name as text, its id in CSV. */
    Table.Cell practiceCell(String id) {
        return new Table.Cell(practice(id), id);
    }

    /** A cap-table class group's label: {@code series-a} or {@code options (common)}, with the class by name. */
    String group(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? of(key) : key.substring(0, colon) + " (" + of(key.substring(colon + 1)) + ")";
    }

    /** A practice by its name. */
    String practice(String id) {
        return labels.practice(id);
    }

    /** An agreement's kind ("Management services agreement", "(draft)" when unsigned). */
    String agreementKind(String id) {
        return labels.agreementKind(id);
    }
}
