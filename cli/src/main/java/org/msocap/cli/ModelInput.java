package org.msocap.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.msocap.deal.Timeline;
import org.msocap.io.ModelFile;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;
import picocli.CommandLine.Parameters;

/** The model FILE argument shared by commands that read a venture. */
public final class ModelInput {

    /** The FILE that means standard input, as in most command-line tools. */
    static final String STDIN = "-";
    /** How errors and outputs name standard input. */
    static final String STDIN_NAME = "<stdin>";

    @Parameters(index = "0", paramLabel = "FILE",
            description = "Venture model file (YAML or JSON), or - to read it from standard input (named <stdin> in messages).")
    Path file;

    public Path file() {
        return file;
    }

    /** The model file outputs must never overwrite; null when the model came from standard input. */
    Path protectedFile() {
        return isStdin(file) ? null : file;
    }

    /** The model as messages and titles name it: the file, or {@code <stdin>}. */
    String name() {
        return name(file);
    }

    static String name(Path file) {
        return isStdin(file) ? STDIN_NAME : file.toString();
    }

    static boolean isStdin(Path file) {
        return file != null && file.toString().equals(STDIN);
    }

    public Venture read() {
        return read(file);
    }

    /**
     * The model file this command loaded, so the error handler can place a rule an engine enforces
     * later at its line and column. One command runs per thread.
     */
    private static final ThreadLocal<ModelFile> CURRENT = new ThreadLocal<>();
    /** What {@code -} reads: the process's standard input, or what {@link Main#run} was given (tests). */
    private static final ThreadLocal<InputStream> STANDARD_INPUT = ThreadLocal.withInitial(() -> System.in);

    static ModelFile current() {
        return CURRENT.get();
    }

    static void forget() {
        CURRENT.remove();
        STANDARD_INPUT.remove();
    }

    static void standardInput(InputStream in) {
        STANDARD_INPUT.set(in);
    }

    /** What a FILE of - reads (import reads an OCF package from it). */
    static InputStream standardInput() {
        return STANDARD_INPUT.get();
    }

    static Venture read(Path file) {
        ModelFile loaded;
        if (isStdin(file)) {
            loaded = VentureReader.load(STANDARD_INPUT.get(), STDIN_NAME);
        } else {
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
            loaded = VentureReader.load(file);
        }
        CURRENT.set(loaded);
        // Applying the deal events is part of reading the file, as `validate` does: a command that looks only at the
        // cap table as written (captable, export --ocf) must not accept a file whose events cannot apply.
        Timeline.of(loaded.venture());
        return loaded.venture();
    }
}
