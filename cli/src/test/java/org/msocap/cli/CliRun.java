package org.msocap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the CLI in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err) {

    static final Path EXAMPLES = Path.of("..", "examples", "ventures");
    static final Path TELEHEALTH = EXAMPLES.resolve("sunrise-telehealth.yaml");

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
