package org.msocap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import org.msocap.io.AtomicFiles;

/**
 * The one set of rules for every file a command writes with {@code -o}: never the model file, an existing file
 * only with {@code --force} (and then only a regular file), written atomically. A refused target is a usage
 * error (exit 2), found before the command does its work.
 */
final class OutputFiles {

    /** Writing that may fail with the file-system's exceptions. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    private OutputFiles() {
    }

    /** Refuses {@code target} now if it would be refused when written. */
    static void check(Path target, Path model, boolean force) {
        run(target, () -> AtomicFiles.checkTarget(target, model, force));
    }

    static void write(Path target, Path model, boolean force, AtomicFiles.Content content) {
        run(target, () -> AtomicFiles.write(target, model, force, content));
    }

    /** Runs a write, turning a refused target into a usage error and any other failure into "cannot write". */
    static void run(Path target, Write write) {
        if (target.toString().isEmpty()) {
            // Path.of("") is the working directory: the message would read " is a directory; give a file name".
            throw new UserException("the output file name is empty; give one after -o", ExitCode.USAGE);
        }
        try {
            write.run();
        } catch (FileAlreadyExistsException e) {
            if (e.getReason() == null) {
                throw new UncheckedIOException("cannot write " + target + ": " + AtomicFiles.reason(e), e);
            }
            throw new UserException(e.getFile() + " " + e.getReason(), ExitCode.USAGE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + AtomicFiles.reason(e), e);
        }
    }
}
