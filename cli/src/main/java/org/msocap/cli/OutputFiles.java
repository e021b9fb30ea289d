package org.msocap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import org.msocap.io.AtomicFiles;

/**
 * The one set of rules for every file a command writes with {@code -o}: never the model file, an existing file
 * only with {@code --force} (and then only a regular file), in a directory that exists, written atomically. A
 * refused target is a usage error (exit 2), found before the command does its work. {@code -o -} writes to standard
 * output instead, as a model FILE of {@code -} reads standard input: the whole content once it is complete, so an
 * error never leaves half an output in a pipe.
 */
final class OutputFiles {

    /** The output name that means standard output. */
    static final String STDOUT = "-";

    /**
     * Standard output as the commands see it: {@code text}, what they print, and {@code bytes}, the same stream for
     * an output written whole ({@code -o -}); {@code terminal} when it is one, which a binary output is refused.
     */
    record StandardOutput(PrintWriter text, OutputStream bytes, boolean terminal) {
    }

    /** Set by {@link Main#run} for the command it runs; one command runs per thread. */
    private static final ThreadLocal<StandardOutput> STANDARD_OUTPUT = new ThreadLocal<>();

    /** Writing that may fail with the file-system's exceptions. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    private OutputFiles() {
    }

    static void standardOutput(StandardOutput out) {
        STANDARD_OUTPUT.set(out);
    }

    static void forget() {
        STANDARD_OUTPUT.remove();
    }

    /** Whether {@code -o} names standard output. */
    static boolean isStdout(Path target) {
        return target != null && target.toString().equals(STDOUT);
    }

    /** Refuses {@code target} now if it would be refused when written. */
    static void check(Path target, Path model, boolean force) {
        if (isStdout(target)) {
            return;
        }
        run(target, () -> AtomicFiles.checkTarget(target, model, force));
    }

    /**
     * As {@link #check}, for a binary output ({@code what}: "a workbook"): standard output is refused when it is a
     * terminal, where the bytes would only garble the screen.
     */
    static void checkBinary(Path target, Path model, boolean force, String what) {
        if (isStdout(target) && standardOutput().terminal()) {
            throw new UserException("-o - writes " + what + " to standard output, which is a terminal here: redirect it to a "
                    + "file (> FILE) or a program (| ...), or give a file name after -o", ExitCode.USAGE);
        }
        check(target, model, force);
    }

    static void write(Path target, Path model, boolean force, AtomicFiles.Content content) {
        if (isStdout(target)) {
            toStandardOutput(content);
            return;
        }
        run(target, () -> AtomicFiles.write(target, model, force, content));
    }

    /** The content, made whole in memory first, then written to standard output after what the command printed. */
    static void toStandardOutput(AtomicFiles.Content content) {
        StandardOutput out = standardOutput();
        try {
            ByteArrayOutputStream whole = new ByteArrayOutputStream(1 << 16);
            content.writeTo(whole);
            out.text().flush();
            whole.writeTo(out.bytes());
            out.bytes().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to standard output: " + AtomicFiles.reason(e), e);
        }
    }

    private static StandardOutput standardOutput() {
        StandardOutput out = STANDARD_OUTPUT.get();
        if (out == null) {
            throw new IllegalStateException("no standard output: commands run through Main.run");
        }
        return out;
    }

    /**
     * Standard output for a caller that gives only a {@link PrintWriter} (tests, embedders): a whole output is
     * decoded as UTF-8 and printed, which keeps text (CSV, YAML) and cannot carry a binary one.
     */
    static OutputStream printedTo(PrintWriter text) {
        return new ByteArrayOutputStream() {
            @Override
            public void flush() {
                text.write(toString(StandardCharsets.UTF_8));
                text.flush();
                reset();
            }
        };
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
