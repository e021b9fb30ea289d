package org.msocap.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The {@code msocap} launcher with its own JVM policy: the policy's options write nothing on standard output (the JVM
 * echoes each {@code -XX:CompileCommand} there unless told to be quiet), so a simulation's JSON stays JSON; and
 * {@code MSOCAP_JAR}, how the benchmarks run another build under the same policy, refuses a jar that is not there. Needs
 * the command-line jar, which the reactor packages before this module's tests.
 */
class LauncherTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = REPOSITORY.resolve("cli/target/msocap.jar");

    @Test
    void theLaunchersPolicyLeavesStandardOutputToTheCommand() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the command-line jar is not built");
        Run run = launch(JAR, "simulate", REPOSITORY.resolve("benchmarks/ten-class.yaml").toString(), "--runs", "2000",
                "--threads", "1", "--format", "json");

        assertThat(run.exit).as(run.err).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out);
        assertThat(json.get("runs").asInt()).isEqualTo(2000);
        assertThat(run.out).startsWith("{").doesNotContain("CompileCommand");
    }

    @Test
    void aMissingJarIsRefusedWithItsName() throws Exception {
        Path missing = REPOSITORY.resolve("cli/target/no-such-msocap.jar");
        Run run = launch(missing, "--version");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("MSOCAP_JAR=" + missing).contains("no such file");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run launch(Path jar, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "sh";
        command[1] = REPOSITORY.resolve("msocap").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("MSOCAP_JAR", jar.toString());
            builder.environment().remove("MSOCAP_JAVA_OPTS");
            int exit = builder.start().waitFor();
            return new Run(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
