package org.msocap.spreadsheets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.msocap.io.AtomicFiles;

/**
 * Where a workbook may be written: never over the input model, over an existing file only when asked;
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
        Path out = target.toAbsolutePath().normalize();
        if (options.input().isPresent()) {
            Path input = options.inputModel().toAbsolutePath().normalize();
            if (out.equals(input) || (Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input))) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "refusing to write the workbook over the input model; choose another output file");
            }
        }
        if (Files.isDirectory(out)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is a directory; give a file name such as venture.xlsx");
        }
        if (Files.exists(out) && !options.force()) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists; use --force to replace it");
        }
        try {
            // One atomic writer for every output msocap makes (temporary file, fsync, rename).
            AtomicFiles.write(out, content::writeTo);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
