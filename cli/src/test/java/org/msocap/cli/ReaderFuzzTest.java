package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates every example model (fixed seed) and runs the command line on it in-process: a broken file is exit 3 with
 * one message that starts at FILE:LINE:COL, a file that still reads is exit 0, and nothing is ever an internal error or
 * a stack trace. A few hundred cases run in the normal build; {@code -Dmsocap.fuzz.cases=5000} runs more, and
 * {@code -Dmsocap.fuzz.seed=N} another sequence.
 */
class ReaderFuzzTest {

    private static final long SEED = Long.getLong("msocap.fuzz.seed", 16L);
    private static final int CASES = Integer.getInteger("msocap.fuzz.cases", 300);

    /** Values a hostile or careless file puts where a value goes. */
    private static final List<String> VALUES = List.of("99999999999999999999", "-99999999999999999999", "1e30", "-1e30", "1e-30",
            "1000000000001", "999999999999.99", "0", "-1", "-0.5", "1.5", "0.0000000001", "NaN", ".inf", "-.inf", "~", "null", "''",
            "[]", "{}", "[1, 2]", "{a: 1}", "true", "20280101", "2028-02-30", "2028-13-01", "0001-01-01", "9999-12-31", "\"=cmd|' /C calc'!A0\"",
            "\"\\u202Eevil\"", "\"\\u0000\"", "\"" + "x".repeat(300) + "\"", "9".repeat(70), "1,000,000", "2.5M", "-5M", "1.2B", "999B", "$3.50",
            "50%", "0x10", "1_000", "!!binary AAAA", "&a 1", "*a", "\"\"", "unknown-id", "physician", "common");

    private static final Pattern LOCATED = Pattern.compile("msocap: invalid model: .+:\\d+:\\d+: .*", Pattern.DOTALL);

    /** The commands a model that still reads is run through, in turn: each reaches a different engine. */
    private static final List<List<String>> COMMANDS = List.of(List.of("waterfall"), List.of("breakpoints"), List.of("fees"),
            List.of("check"), List.of("captable"), List.of("simulate", "--runs", "40", "--threads", "1"));

    @TempDir
    Path dir;

    @Test
    void mutatedExamplesAreReadOrRefusedWithALocationNeverCrash() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(CliRun.EXAMPLES)) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
        Random random = new Random(SEED);
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            Path example = examples.get(i % examples.size());
            String mutated = mutate(Files.readString(example), random);
            Path file = dir.resolve(i + "-" + example.getFileName());
            Files.writeString(file, mutated);
            String why = "case " + i + " (seed " + SEED + ", " + example.getFileName() + ")";
            CliRun validate = CliRun.of("validate", file.toString());
            assertSafe(validate, file, why + " validate", mutated);
            assertThat(validate.exitCode()).as(why + " validate: " + validate.err()).isIn(ExitCode.OK, ExitCode.INVALID_MODEL);
            if (validate.exitCode() == ExitCode.INVALID_MODEL) {
                refused++;
                continue;
            }
            List<String> args = new ArrayList<>(COMMANDS.get(i % COMMANDS.size()));
            args.add(1, file.toString());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertSafe(run, file, why + " " + args.get(0), mutated);
        }
        // The mutations must reach past the reader as well as into it.
        assertThat(refused).as("refused cases").isBetween(CASES / 10, CASES - CASES / 10);
    }

    private static void assertSafe(CliRun run, Path file, String why, String mutated) {
        String context = why + "\n--- stderr:\n" + run.err() + "\n--- file:\n" + mutated;
        assertThat(run.exitCode()).as(context).isNotEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.err()).as(context).doesNotContain("\tat ", "Exception", "internal error");
        if (run.exitCode() == ExitCode.INVALID_MODEL) {
            assertThat(run.err()).as(context).startsWith("msocap: invalid model: " + file + ":").matches(LOCATED);
            assertThat(run.err().lines().count()).as(context).isEqualTo(1);
        }
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(9)) {
                case 0, 1, 2 -> lines.set(at, replaceValue(line, random));
                case 3 -> lines.remove(at);
                case 4 -> lines.add(at, line);
                case 5 -> lines.set(at, random.nextBoolean() ? "  " + line : line.replaceFirst("^  ", ""));
                case 6 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 7 -> lines.set(at, line.replaceFirst("([a-zA-Z]+):", random.nextBoolean() ? "$1x:" : "x$1:"));
                default -> {
                    int cut = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, cut) + "\"{[:&*!|>%@`#,".charAt(random.nextInt(14)) + line.substring(cut));
                }
            }
        }
        String out = String.join("\n", lines) + "\n";
        return random.nextInt(20) == 0 ? out.substring(0, random.nextInt(out.length())) : out;
    }

    /** The value after {@code key:} (inline maps have several: one of them) replaced by one of {@link #VALUES}. */
    private static String replaceValue(String line, Random random) {
        List<int[]> spots = new ArrayList<>();
        var m = Pattern.compile("[A-Za-z]+: ([^,{}\\[\\]#]+)").matcher(line);
        while (m.find()) {
            spots.add(new int[] {m.start(1), m.end(1)});
        }
        if (spots.isEmpty()) {
            return line;
        }
        int[] spot = spots.get(random.nextInt(spots.size()));
        String value = VALUES.get(random.nextInt(VALUES.size()));
        return line.substring(0, spot[0]) + value + line.substring(spot[1]);
    }
}
