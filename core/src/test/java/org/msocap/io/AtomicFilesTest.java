package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Both writers have their content ready before either moves it into place: exactly one may win. */
    @Test
    void twoWritersOfTheSameNewFileCannotBothSucceed() throws Exception {
        Path target = dir.resolve("out.xlsx");
        CyclicBarrier bothWritten = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String who : List.of("first", "second")) {
                results.add(pool.submit(() -> {
                    try {
                        AtomicFiles.write(target, null, false, out -> {
                            out.write(who.getBytes(StandardCharsets.UTF_8));
                            try {
                                bothWritten.await(10, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        return "wrote " + who;
                    } catch (FileAlreadyExistsException e) {
                        return e.getReason();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(20, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o.startsWith("wrote")).hasSize(1);
            assertThat(outcomes).contains("already exists; use --force to replace it");
            String winner = outcomes.stream().filter(o -> o.startsWith("wrote")).findFirst().orElseThrow().substring(6);
            assertThat(Files.readString(target)).isEqualTo(winner);
            assertThat(names(dir)).containsExactly("out.xlsx");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replaceRefusesAnythingButARegularFile() throws Exception {
        for (Path special : List.of(Path.of("/dev/null"), dir)) {
            assertThatThrownBy(() -> AtomicFiles.write(special, null, true, out -> out.write(1)))
                    .isInstanceOf(FileAlreadyExistsException.class);
        }
        assertThatThrownBy(() -> AtomicFiles.write(Path.of("/dev/null"), null, true, out -> out.write(1)))
                .hasMessageContaining("is not a regular file");
        Path regular = Files.writeString(dir.resolve("old.csv"), "old");
        AtomicFiles.write(regular, null, true, out -> out.write('n'));
        assertThat(Files.readString(regular)).isEqualTo("n");
    }

    @Test
    void neverWritesOverTheProtectedInputByAnyName() throws Exception {
        Path model = Files.writeString(dir.resolve("model.yaml"), "msocap: 1\n");
        List<Path> names = List.of(model, dir.resolve("x").resolve("..").resolve("model.yaml"),
                Files.createSymbolicLink(dir.resolve("soft.yaml"), model), Files.createLink(dir.resolve("hard.yaml"), model));
        for (Path target : names) {
            assertThatThrownBy(() -> AtomicFiles.write(target, model, true, out -> out.write('x')))
                    .as(target.toString()).hasMessageContaining("input model");
        }
        assertThat(Files.readString(model)).isEqualTo("msocap: 1\n");
    }

    @Test
    void temporaryFilesOfProcessesThatAreGoneAreDeletedByTheNextWrite() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long deadPid = gone.pid();
        long livePid = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(".runs.csv." + deadPid + ".123.tmp"), "left by a killed run");
        Files.writeString(dir.resolve(".runs.csv." + livePid + ".456.tmp"), "a write in progress");
        Files.writeString(dir.resolve(".other.csv." + deadPid + ".7.tmp"), "another target's");
        AtomicFiles.writeString(dir.resolve("runs.csv"), "new");
        assertThat(names(dir)).containsExactly(".other.csv." + deadPid + ".7.tmp", ".runs.csv." + livePid + ".456.tmp", "runs.csv");
    }

    /** A run stopped by SIGTERM (Ctrl-C sends SIGINT, handled the same way) removes its temporary file on the way out. */
    @Test
    void aTerminatedWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("big.xlsx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("writing");
            assertThat(names(dir)).singleElement().asString().matches("\\.big\\.xlsx\\." + child.pid() + "\\.\\d+\\.tmp");
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(names(dir)).isEmpty();
    }

    /** Writes a file slowly, for {@link #aTerminatedWriteLeavesNoTemporaryFile}. */
    public static final class SlowWriter {
        public static void main(String[] args) {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(new byte[100_000]);
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
