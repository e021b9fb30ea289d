package org.msocap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code ./msocap} command of the README's shell blocks, in order, as a new user would:
 * the tutorial's model file is written from the README's own YAML block, files the commands write go
 * to a temporary directory, and a trailing {@code # exits N} comment states an expected non-zero exit.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TUTORIAL_FILE = Pattern.compile("<!-- readme-test: (\\S+) -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXPECTED_EXIT = Pattern.compile("#\\s*exits (\\d+)");

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher file = TUTORIAL_FILE.matcher(readme);
        List<String> written = new ArrayList<>();
        while (file.find()) {
            Files.writeString(work.resolve(file.group(1)), file.group(2));
            written.add(file.group(1));
        }
        assertThat(written).as("the tutorial's model file is marked for this test").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(readme);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                if (line.startsWith("./msocap ")) {
                    tests.add(DynamicTest.dynamicTest(line, () -> run(line)));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    /** The tutorial quotes the message a lay practice shareholder gets; it must be the real one. */
    @org.junit.jupiter.api.Test
    void theQuotedErrorMessageIsTheRealOne() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher file = TUTORIAL_FILE.matcher(readme);
        assertThat(file.find()).isTrue();
        Path jane = Files.createDirectories(work.resolve("quoted")).resolve(file.group(1));
        Files.writeString(jane, file.group(2).replace("shareholders: [{holder: dr-lee", "shareholders: [{holder: jane"));
        CliRun run = CliRun.of("validate", jane.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
        String quoted = run.err().strip().replace("msocap: invalid model: " + jane, file.group(1));
        assertThat(readme).contains("`" + quoted + "`");
    }

    private static void run(String line) {
        Matcher exit = EXPECTED_EXIT.matcher(line);
        int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
        String command = line.replaceFirst("\\s+#.*$", "");
        List<String> args = new ArrayList<>();
        List<String> words = words(command.substring("./msocap ".length()));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("-o") || w.equals("--output")) && i + 1 < words.size()) {
                args.add(w);
                args.add(work.resolve(words.get(++i)).toString());
            } else if (Files.exists(work.resolve(w)) && !w.isBlank()) {
                args.add(work.resolve(w).toString());
            } else if (!w.startsWith("-") && Files.exists(ROOT.resolve(w)) && w.contains("/")) {
                args.add(ROOT.resolve(w).toString());
            } else {
                args.add(w);
            }
        }
        if (args.get(0).equals("report") && !args.contains("-o")) {
            // The bundled report would write msocap-report/ into the build directory.
            args.add("-o");
            args.add(work.resolve("msocap-report").toString());
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s%n%s", line, run.err()).isEqualTo(expected);
        if (expected == 0) {
            assertThat(run.out()).isNotBlank();
        } else {
            assertThat(run.out() + run.err()).as("a failing command says why").isNotBlank();
        }
    }

    /** Splits on spaces, keeping "double quoted" words together. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(text);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
