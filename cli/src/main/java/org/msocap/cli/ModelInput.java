package org.msocap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.msocap.deal.Timeline;
import org.msocap.io.ModelFile;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;
import picocli.CommandLine.Parameters;

/** The model FILE argument shared by commands that read a venture. */
public final class ModelInput {

    @Parameters(index = "0", paramLabel = "FILE", description = "Venture model file (YAML or JSON).")
    Path file;

    public Path file() {
        return file;
    }

    public Venture read() {
        return read(file);
    }

    /**
     * The model file this command loaded, so the error handler can place a rule an engine enforces
     * later at its line and column. One command runs per thread.
     */
    private static final ThreadLocal<ModelFile> CURRENT = new ThreadLocal<>();

    static ModelFile current() {
        return CURRENT.get();
    }

    static void forget() {
        CURRENT.remove();
    }

    static Venture read(Path file) {
        // The FILE argument names no model file at all: a usage error, like a mistyped option.
        if (!Files.exists(file)) {
            throw new UserException("no such file: " + file, ExitCode.USAGE);
        }
        if (Files.isDirectory(file)) {
            throw new UserException(file + " is a directory, not a model file", ExitCode.USAGE);
        }
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + " is not a regular file (a device, a FIFO or a socket), not a model file", ExitCode.USAGE);
        }
        ModelFile loaded = VentureReader.load(file);
        CURRENT.set(loaded);
        // Applying the deal events is part of reading the file, as `validate` does: a command that looks only at the
        // cap table as written (captable, export --ocf) must not accept a file whose events cannot apply.
        Timeline.of(loaded.venture());
        return loaded.venture();
    }
}
