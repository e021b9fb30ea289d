package org.msocap.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** fees sits on money and model only (STYLE.md: money ← model ← fees ← simulation ← report); no I/O library. */
class FeesDependencyTest {

    private static final List<String> ALLOWED = List.of("import java.", "import static java.", "import org.apache.commons.math3.",
            "import org.msocap.money.", "import org.msocap.model.", "import org.msocap.fees.");

    @Test
    void importsOnlyMoneyModelAndTheJdk() throws IOException {
        Path sources = Path.of("src/main/java/org/msocap/fees");
        try (Stream<Path> files = Files.list(sources)) {
            List<String> offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                            .filter(l -> ALLOWED.stream().noneMatch(l::startsWith)).map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(offending).isEmpty();
        }
        assertThat(Files.exists(sources.resolve("FeeProjector.java"))).isTrue();
    }
}
