package org.msocap.spreadsheets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that an interrupted run never leaves a damaged one: the bytes go to a temporary
 * file in the target's directory (same file system, so the move is a rename) and are moved into place
 * atomically. The input model is never a valid target, and an existing file is replaced only when asked.
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
        Path dir = out.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + out.getFileName() + ".", ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(temp)) {
                content.writeTo(stream);
            }
            // On POSIX an atomic rename replaces an existing target; that is what --force asked for.
            Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
