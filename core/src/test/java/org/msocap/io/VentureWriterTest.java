package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.model.Venture;

class VentureWriterTest {

    private static Venture full() throws IOException {
        return VentureReader.read(VentureReaderTest.resource("full.yaml"), "full.yaml");
    }

    @Test
    void yamlReadsBackEqual() throws IOException {
        Venture v = full();
        assertThat(VentureReader.read(VentureWriter.toYaml(v), "out.yaml")).isEqualTo(v);
    }

    @Test
    void jsonReadsBackEqual() throws IOException {
        Venture v = full();
        assertThat(VentureReader.read(VentureWriter.toJson(v), "out.json")).isEqualTo(v);
    }

    @Test
    void amountsArePlainDecimalsAndDatesAreIso() throws IOException {
        String yaml = VentureWriter.toYaml(full());
        assertThat(yaml).contains("cap: 8000000").contains("principal: 100000").contains("operatingCosts: 1200000")
                .contains("issuePrice: 2.00").contains("asOf: 2026-01-01").contains("- 2029-01-01")
                .doesNotContain("8M").doesNotContain("E+").doesNotContain("---");
    }

    @Test
    void simpleVentureWritesTheFieldsItHasAndNoDefaults() {
        Venture v = VentureReader.read(VentureReaderTest.BASE, "base.yaml");
        String yaml = VentureWriter.toYaml(v);
        assertThat(yaml).startsWith("msocap: 1\nventure: Sunrise\ncurrency: USD\nasOf: 2026-01-01\n")
                .doesNotContain("conversionRatio").doesNotContain("refersPatients").doesNotContain("optionPool");
    }

    @Test
    void aPllcsOwnersAreWrittenAsMembersHoldingUnitsAndAPcsAsShareholders() {
        String pllc = VentureWriter.toYaml(VentureReader.read(VentureReaderTest.PLLC_MEMBERS, "pllc.yaml"));
        assertThat(pllc).contains("members:\n").contains("units: 10").doesNotContain("shareholders").doesNotContain("shares: 10\n");
        String pc = VentureWriter.toYaml(VentureReader.read(VentureReaderTest.BASE, "base.yaml"));
        assertThat(pc).contains("shareholders:\n").contains("shares: 10\n").doesNotContain("members").doesNotContain("units");
    }

    @Test
    void exampleVenturesReadAndRoundTrip() throws IOException {
        for (Path example : SchemaTest.exampleModels()) {
            Venture v = VentureReader.read(example);
            assertThat(VentureReader.read(VentureWriter.toYaml(v), "out.yaml")).as(example.toString()).isEqualTo(v);
            assertThat(VentureReader.read(VentureWriter.toJson(v), "out.json")).as(example.toString()).isEqualTo(v);
        }
    }

    @Test
    void writeReplacesTheFileWhole(@TempDir Path dir) throws IOException {
        Venture v = full();
        Path yaml = dir.resolve("out.yaml");
        Path json = dir.resolve("out.json");
        Files.writeString(yaml, "old content that is longer than nothing");
        VentureWriter.write(v, yaml);
        VentureWriter.write(v, json);
        assertThat(VentureReader.read(yaml)).isEqualTo(v);
        assertThat(VentureReader.read(json)).isEqualTo(v);
        assertThat(Files.readString(json)).startsWith("{");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.yaml", "out.json");
        }
    }
}
