package org.msocap.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

    /** What a run wrote to standard output as bytes ({@code -o -} of a binary output), and its exit code and stderr. */
    record Bytes(int exitCode, byte[] out, String err) {
    }

    /** Runs the CLI with standard output as bytes, a terminal or not. */
    static Bytes bytes(boolean stdoutTerminal, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintWriter text = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new OutputFiles.StandardOutput(text, out, stdoutTerminal),
                new PrintWriter(err, true));
        text.flush();
        return new Bytes(code, out.toByteArray(), err.toString());
    }

    /** Runs the CLI with {@code stdin} as its standard input. */
    static CliRun withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
