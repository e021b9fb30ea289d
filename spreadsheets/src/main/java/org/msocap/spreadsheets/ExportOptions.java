package org.msocap.spreadsheets;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the workbook file is written.
 *
 * @param inputModel the model file the workbook was built from, never to be overwritten; may be null
 * @param force replace an existing output file (otherwise an existing file is an error)
 */
public record ExportOptions(Path inputModel, boolean force) {

    public static ExportOptions defaults() {
        return new ExportOptions(null, false);
    }

    public ExportOptions withInputModel(Path model) {
        return new ExportOptions(model, force);
    }

    public ExportOptions withForce(boolean replace) {
        return new ExportOptions(inputModel, replace);
    }

    public Optional<Path> input() {
        return Optional.ofNullable(inputModel);
    }
}
