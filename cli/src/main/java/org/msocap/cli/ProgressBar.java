package org.msocap.cli;

import java.io.PrintWriter;
import org.msocap.simulation.ProgressListener;

/** A bar on stderr, drawn only when the console is a terminal; silent otherwise (pipes, files, tests). */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 40;
    private final PrintWriter err;
    private int shown = -1;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    static ProgressBar forStderr(PrintWriter err) {
        return new ProgressBar(System.console() != null ? err : null);
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
