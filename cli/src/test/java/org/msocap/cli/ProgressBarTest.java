package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @AfterEach
    void forget() {
        System.clearProperty(ProgressBar.STDERR_TERMINAL);
    }

    @Test
    void drawsOnlyWhenTheLauncherSaysStderrIsATerminal() {
        System.setProperty(ProgressBar.STDERR_TERMINAL, "true");
        assertThat(drawn()).contains("simulating [####################....................] 50%");
        System.setProperty(ProgressBar.STDERR_TERMINAL, "false");
        assertThat(drawn()).isEmpty();
    }

    @Test
    void withoutTheLauncherTheConsoleDecides() {
        // Under the test runner there is no console: silent.
        assertThat(drawn()).isEmpty();
    }

    private static String drawn() {
        StringWriter text = new StringWriter();
        ProgressBar bar = ProgressBar.forStderr(new PrintWriter(text, true));
        bar.progress(50, 100);
        bar.finish();
        return text.toString();
    }
}
