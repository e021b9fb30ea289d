package org.msocap.io.ocf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.msocap.captable.CapTable;
import org.msocap.io.VentureReader;
import org.msocap.model.Mso;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;

class OcfExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What {@code captable} shows of the MSO: everything but the practices, which OCF does not describe. */
    static CapTable msoCapTable(Venture v) {
        CapTable c = CapTable.of(v);
        return new CapTable(c.venture(), c.currency(), c.lines(), c.convertibles(), c.totalOutstanding(), c.totalFullyDiluted(), List.of());
    }

    /** The venture as OCF can carry it: without profits-interest classes and their units. */
    static Venture withoutProfitsInterests(Venture v) {
        Mso m = v.mso();
        Set<String> pi = new HashSet<>();
        m.classes().stream().filter(c -> c.type() == ShareClass.Type.PROFITS_INTEREST).forEach(c -> pi.add(c.id()));
        if (pi.isEmpty()) {
            return v;
        }
        Mso kept = new Mso(m.name(), m.state(), m.form(), m.classes().stream().filter(c -> !pi.contains(c.id())).toList(),
                m.holdings().stream().filter(h -> !pi.contains(h.shareClass())).toList(), m.optionPool(), m.options(),
                m.warrants(), m.safes(), m.notes(), m.directors(), m.officers(), m.staff(), m.formed());
        return v.toBuilder().mso(kept).build();
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples/ventures"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyExampleExportsToAValidPackageThatImportsToTheSameCapTable() throws IOException {
        List<Path> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
        for (Path example : examples) {
            Venture v = VentureReader.read(example);
            OcfExporter.Result exported = OcfExporter.export(v, Instant.parse("2026-01-01T00:00:00Z"));
            // Every file against its schema, independently of the check export() makes itself.
            for (var file : exported.files().entrySet()) {
                JsonNode tree = JSON.readTree(file.getValue());
                List<OcfProblem> gaps = new ArrayList<>();
                assertThat(OcfSchemas.get().validateFile(file.getKey(), tree.get("file_type").asText(), tree, gaps))
                        .as(example + " " + file.getKey()).isEmpty();
                assertThat(gaps).as(example + " " + file.getKey()).isEmpty();
            }
            OcfPackage pkg = OcfPackage.of(example.toString(), exported.files());
            assertThat(pkg.problems()).as(example.toString()).isEmpty();
            assertThat(pkg.notices()).as(example.toString()).isEmpty();
            OcfImporter.Result back = OcfImporter.importPackage(pkg, false);
            // OCF has no profits interests: their classes and units are listed as not exported; the rest comes back equal.
            for (ShareClass c : v.mso().classes()) {
                if (c.type() == ShareClass.Type.PROFITS_INTEREST) {
                    assertThat(exported.notExported()).as(example.toString())
                            .anyMatch(why -> why.startsWith("class " + c.id() + " of type profits-interest"));
                }
            }
            v = withoutProfitsInterests(v);
            assertThat(msoCapTable(back.venture())).as(example.toString()).isEqualTo(msoCapTable(v));
            assertThat(back.venture().mso().classes()).as(example.toString()).isEqualTo(v.mso().classes());
            assertThat(back.venture().mso().options()).as(example.toString()).isEqualTo(v.mso().options());
            assertThat(back.venture().mso().safes()).as(example.toString()).isEqualTo(v.mso().safes());
            assertThat(back.venture().mso().notes()).as(example.toString()).isEqualTo(v.mso().notes());
            assertThat(back.venture().mso().warrants()).as(example.toString()).isEqualTo(v.mso().warrants());
            assertThat(back.venture().mso().optionPool()).as(example.toString()).isEqualTo(v.mso().optionPool());
            assertThat(back.notCarried()).as(example.toString()).isEmpty();
        }
    }

    @Test
    void listsWhatOcfCannotHold() {
        OcfExporter.Result r = OcfExporter.export(OcfTestPackages.telehealth(), Instant.EPOCH);
        assertThat(r.notExported()).anyMatch(s -> s.startsWith("practices (") && s.endsWith("not part of a cap table in OCF"));
        assertThat(r.notExported()).anyMatch(s -> s.contains("LLC's units go out as shares"));
    }

    @Test
    void writesAZipAtomicallyAndKeepsAnExistingFileWithoutForce() throws Exception {
        Path out = dir.resolve("sunrise.ocf.zip");
        org.msocap.io.AtomicFiles.write(out, null, false, OcfExporter.zip(OcfExporter.export(OcfTestPackages.telehealth(), java.time.Instant.EPOCH)));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(out); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("Manifest.ocf.json", "Stakeholders.ocf.json", "StockClasses.ocf.json",
                "StockPlans.ocf.json", "VestingTerms.ocf.json", "Transactions.ocf.json");
        assertThat(OcfPackage.read(out).problems()).isEmpty();
        long size = Files.size(out);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.msocap.io.AtomicFiles.write(out, null, false,
                        OcfExporter.zip(OcfExporter.export(OcfTestPackages.telehealth(), java.time.Instant.EPOCH))))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.size(out)).isEqualTo(size);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(out); // no temporary file left behind
        }
    }

    @Test
    void numericsAreOcfNumerics() {
        assertThat(OcfExporter.numeric(new java.math.BigDecimal("2.00"))).isEqualTo("2.00");
        assertThat(OcfExporter.numeric(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(OcfExporter.numeric(new java.math.BigDecimal("0.123456789012"))).isEqualTo("0.1234567890");
    }
}
