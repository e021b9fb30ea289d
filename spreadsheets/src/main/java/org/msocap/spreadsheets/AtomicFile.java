package org.msocap.spreadsheets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.msocap.io.AtomicFiles;

/**
 * Where a workbook may be written: never over the input model, over an existing regular file only when asked;
 * the write itself goes through {@link AtomicFiles}, so an interrupted run never leaves a damaged file.
 */
final class AtomicFile {

    /** Writes the whole content to a stream; the caller closes nothing. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path target, ExportOptions options, Content content) throws IOException {
        AtomicFiles.write(target, options.input().orElse(null), options.force(), content::writeTo);
    }
}
