package org.msocap.cli;

import java.io.PrintWriter;
import org.msocap.simulation.ProgressListener;

/**
 * A bar on stderr, drawn only when stderr is a terminal; silent otherwise (pipes, files, tests). Java 17 cannot
 * ask about stderr alone ({@code System.console()} answers for stdin and stdout), so the {@code msocap} launcher
 * asks the shell ({@code [ -t 2 ]}) and passes the answer as the system property {@value #STDERR_TERMINAL};
 * without it (the jar run directly) the console decides.
 */
final class ProgressBar implements ProgressListener {
    static final String STDERR_TERMINAL = "msocap.stderr.terminal";
    private static final int WIDTH = 40;
    private final PrintWriter err;
    private int shown = -1;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    static ProgressBar forStderr(PrintWriter err) {
        String told = System.getProperty(STDERR_TERMINAL);
        boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        return new ProgressBar(terminal ? err : null);
    }

    @Override
    public void progress(long done, long total) {
        if (err == null || total == 0) {
            return;
        }
        int percent = (int) (100 * done / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int filled = WIDTH * percent / 100;
        err.print("\rsimulating [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "%");
        err.flush();
    }

    void finish() {
        if (err != null && shown >= 0) {
            err.print("\r" + " ".repeat(WIDTH + 20) + "\r");
            err.flush();
        }
    }
}
