package org.msocap.io.ocf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OcfSchemasTest {

    private static final Path BUNDLED = Path.of("src/main/resources/org/msocap/io/ocf/schema");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The index is how the schemas are found inside a jar; it must name every bundled schema and nothing else. */
    @Test
    void theIndexListsEveryBundledSchema() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(BUNDLED)) {
            files = walk.filter(p -> p.toString().endsWith(".schema.json")).map(p -> BUNDLED.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(Files.readAllLines(BUNDLED.resolve("index.txt")).stream().filter(l -> !l.isBlank()).toList())
                .containsExactlyElementsOf(files);
    }

    /** The OCF schema licence: copies keep each schema's copyright comment, and the licence travels with them. */
    @Test
    void everyBundledSchemaKeepsItsCopyrightCommentAndTheLicenceIsBundled() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(BUNDLED)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                JsonNode schema = JSON.readTree(p.toFile());
                if (!schema.path("$comment").asText().startsWith("Copyright © 2026 Open Cap Table Coalition")) {
                    missing.add(p.toString());
                }
                assertThat(schema.path("$id").asText()).startsWith(OcfSchemas.ID_PREFIX);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Files.readString(BUNDLED.resolve("LICENSE.md"))).contains("Open Cap Table Coalition");
    }

    @Test
    void knowsTheVersionAndTheTypes() {
        OcfSchemas schemas = OcfSchemas.get();
        assertThat(schemas.version()).isEqualTo("1.2.1-alpha+main");
        assertThat(schemas.versionLine()).isEqualTo("1.2");
        assertThat(schemas.fileTypes()).contains("OCF_MANIFEST_FILE", "OCF_TRANSACTIONS_FILE", "OCF_STAKEHOLDERS_FILE");
        assertThat(schemas.isListedInTransactionsFile("TX_STOCK_ISSUANCE")).isTrue();
        assertThat(schemas.isListedInTransactionsFile("TX_PLAN_SECURITY_ISSUANCE")).isTrue(); // the deprecated alias
        assertThat(schemas.isObjectType("TX_EQUITY_COMPENSATION_REPRICING")).isTrue();
        assertThat(schemas.isListedInTransactionsFile("TX_EQUITY_COMPENSATION_REPRICING")).isFalse();
    }

    /**
     * The OCF 1.2 sample transactions file holds object types the official transactions file schema does not list
     * (an upstream gap): each is said so, checked against its own schema, and is not a problem.
     */
    @Test
    void theUpstreamGapInTheTransactionsFileSchemaIsANoticeNotAProblem() throws IOException {
        JsonNode file = JSON.readTree(OcfTestPackages.SAMPLES.resolve("Transactions.ocf.json").toFile());
        List<OcfProblem> gaps = new ArrayList<>();
        List<OcfProblem> problems = OcfSchemas.get().validateFile("Transactions.ocf.json", "OCF_TRANSACTIONS_FILE", file, gaps);
        assertThat(problems).isEmpty();
        assertThat(gaps).extracting(OcfProblem::message).allMatch(m -> m.contains("the official transactions file schema does not list it"));
        assertThat(gaps.stream().map(g -> g.message().split(" ")[0]).distinct().toList()).containsExactlyInAnyOrder(
                "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT", "TX_EQUITY_COMPENSATION_REPRICING", "CE_STAKEHOLDER_RELATIONSHIP",
                "CE_STAKEHOLDER_STATUS");
        assertThat(gaps.get(0).pointer()).isEqualTo("/items/0");
    }

    /** A violation names the field by JSON pointer; a failed oneOf reports the branch the value meant, not all of them. */
    @Test
    void violationsArePlacedByPointerWithoutTheNoiseOfOtherBranches() throws IOException {
        JsonNode file = JSON.readTree(OcfTestPackages.EXAMPLE_INC.resolve("StockClasses.ocf.json").toFile());
        List<OcfProblem> problems = OcfSchemas.get().validateFile("StockClasses.ocf.json", "OCF_STOCK_CLASSES_FILE", file, new ArrayList<>());
        assertThat(problems).extracting(OcfProblem::toString).contains(
                "StockClasses.ocf.json: /items/0: required property 'initial_shares_authorized' not found",
                "StockClasses.ocf.json: /items/2/conversion_rights/0/conversion_mechanism/ratio/numerator: integer found, string expected");
        assertThat(problems).extracting(OcfProblem::message).noneMatch(m -> m.contains("SAFE_CONVERSION") || m.contains("one and only one"));
    }
}
