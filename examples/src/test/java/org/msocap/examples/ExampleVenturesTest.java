package org.msocap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msocap.io.VentureReader;
import org.msocap.model.Agreement;
import org.msocap.model.ExitScenario;
import org.msocap.model.FeeTerms;
import org.msocap.model.Venture;

/**
 * Every model file under {@code ventures/} loads through the public reader and is a complete example:
 * practices, agreements, a five-year projection, exits of both kinds and a simulation. The set of
 * examples as a whole must cover every fee basis, and the README must describe every file.
 */
class ExampleVenturesTest {

    /** The examples module's base directory is {@code examples/}; Maven runs tests from there. */
    private static final Path VENTURES = Path.of("ventures");

    static List<Path> ventureFiles() throws IOException {
        try (Stream<Path> files = Files.list(VENTURES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theVenturesDirectoryHoldsTheExamples() throws IOException {
        assertThat(ventureFiles()).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ventureFiles")
    void loadsAndIsComplete(Path file) {
        Venture venture = VentureReader.read(file);

        assertThat(venture.practices()).as("practices").isNotEmpty();
        assertThat(venture.agreements()).as("agreements").isNotEmpty();
        assertThat(venture.agreements()).as("every practice has a management services agreement")
                .filteredOn(a -> a.type() == Agreement.Type.MANAGEMENT_SERVICES)
                .extracting(Agreement::practice)
                .containsAll(venture.practices().stream().map(p -> p.id()).toList());
        assertThat(venture.financials()).as("financials").isNotNull();
        assertThat(venture.financials().years()).as("projection years").isEqualTo(5);
        assertThat(venture.financials().practices().keySet()).as("every practice is projected")
                .containsExactlyInAnyOrderElementsOf(venture.practices().stream().map(p -> p.id()).toList());
        assertThat(venture.exits()).as("exits").hasSizeBetween(2, 3);
        assertThat(venture.exits()).as("an EBITDA-multiple exit").anyMatch(e -> e.ebitdaMultiple() != null);
        assertThat(venture.exits()).as("an enterprise-value exit").anyMatch(e -> e.enterpriseValue() != null);
        assertThat(venture.simulation()).as("simulation").isNotNull();
        assertThat(venture.simulation().runs()).as("simulation runs").isBetween(10_000, 20_000);
        assertThat(venture.simulation().exitDate()).as("simulated exit date").isNotNull();
        assertThat(venture.simulation().ebitdaMultiple()).as("simulated multiple").isNotNull();
        assertThat(venture.simulation().collectionsGrowth()).as("simulated growth").isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ventureFiles")
    void opensWithAHeaderCommentSayingWhatItShows(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.lines().takeWhile(l -> l.startsWith("#")).count()).as("header comment lines").isGreaterThanOrEqualTo(5);
        assertThat(text).contains("What it shows").containsAnyOf("Expected findings", "the checks should find");
    }

    @Test
    void theExamplesTogetherUseEveryFeeBasis() throws IOException {
        Set<FeeTerms.Basis> used = EnumSet.noneOf(FeeTerms.Basis.class);
        for (Path file : ventureFiles()) {
            for (Agreement a : VentureReader.read(file).agreements()) {
                if (a.fee() != null) {
                    used.add(a.fee().basis());
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrder(FeeTerms.Basis.values());
    }

    @Test
    void theExamplesTogetherUseEscrowCarveOutAndEarnout() throws IOException {
        List<ExitScenario> exits = ventureFiles().stream().flatMap(f -> VentureReader.read(f).exits().stream()).toList();
        assertThat(exits).anyMatch(e -> e.escrow() != null);
        assertThat(exits).anyMatch(e -> e.carveOut() != null);
        assertThat(exits).anyMatch(e -> e.earnout() != null);
    }

    @Test
    void theReadmeDescribesEveryExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Set<String> missing = ventureFiles().stream()
                .map(p -> p.getFileName().toString())
                .filter(name -> !readme.contains(name))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(missing).as("example files the README does not mention").isEmpty();
    }
}
