package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.networknt.schema.Schema SCHEMA =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Schema.text(), InputFormat.JSON);

    static List<String> validate(String content, String fileName) {
        InputFormat format = fileName.endsWith(".json") ? InputFormat.JSON : InputFormat.YAML;
        List<String> problems = new ArrayList<>();
        for (Error e : SCHEMA.validate(content, format)) {
            problems.add(fileName + ": " + e);
        }
        return problems;
    }

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Schema.text());
    }

    @Test
    void isDraft2020WithTheFormatsRequiredFields() throws IOException {
        JsonNode s = schema();
        assertThat(s.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(s.get("required")).extracting(JsonNode::asText).containsExactly("msocap", "venture", "mso");
        assertThat(s.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void fixturesAndExamplesConformToTheSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        problems.addAll(validate(VentureReaderTest.resource("full.yaml"), "full.yaml"));
        problems.addAll(validate(VentureReaderTest.resource("full.json"), "full.json"));
        problems.addAll(validate(VentureReaderTest.BASE, "base.yaml"));
        for (Path example : exampleModels()) {
            problems.addAll(validate(Files.readString(example), example.toString()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void writerOutputConformsToTheSchema() throws IOException {
        var venture = VentureReader.read(VentureReaderTest.resource("full.yaml"), "full.yaml");
        assertThat(validate(VentureWriter.toYaml(venture), "out.yaml")).isEmpty();
        assertThat(validate(VentureWriter.toJson(venture), "out.json")).isEmpty();
    }

    @Test
    void schemaRejectsWhatTheReaderRejects() {
        assertThat(validate(VentureReaderTest.BASE.replace("shares: 50}", "shars: 50}"), "x.yaml")).isNotEmpty();
        assertThat(validate(VentureReaderTest.BASE.replace("mso:\n", "mso:\n  form: corp\n"), "x.yaml")).isNotEmpty();
        assertThat(validate(VentureReaderTest.BASE.replace("asOf: 2026-01-01", "asOf: 01/02/2026"), "x.yaml")).isNotEmpty();
        assertThat(validate(VentureReaderTest.BASE.replace("venture: Sunrise\n", ""), "x.yaml")).isNotEmpty();
        assertThat(validate(VentureReaderTest.BASE.replace("{id: alice,", "{id: Alice,"), "x.yaml")).isNotEmpty();
        // A practice without shareholders, listed empty or left out.
        String owned = "    shareholders:\n      - {holder: dr-eve, shares: 10}\n";
        assertThat(VentureReaderTest.BASE).contains(owned);
        assertThat(validate(VentureReaderTest.BASE.replace(owned, "    shareholders: []\n"), "x.yaml")).isNotEmpty();
        assertThat(validate(VentureReaderTest.BASE.replace(owned, ""), "x.yaml")).isNotEmpty();
        // A PLLC's owners as members holding units, but not both lists, and units (not shares) in a members entry.
        assertThat(validate(VentureReaderTest.PLLC_MEMBERS, "x.yaml")).isEmpty();
        assertThat(validate(VentureReaderTest.PLLC_MEMBERS.replace("    members:\n", "    shareholders: [{holder: dr-eve, shares: 1}]\n"
                + "    members:\n"), "x.yaml")).isNotEmpty();
        assertThat(validate(VentureReaderTest.PLLC_MEMBERS.replace("units: 10}", "shares: 10}"), "x.yaml")).isNotEmpty();
        assertThat(validate(VentureReaderTest.PLLC_MEMBERS.replace("    members:\n      - {holder: dr-eve, units: 10}\n",
                "    members: []\n"), "x.yaml")).isNotEmpty();
    }

    /** Every object of the schema has exactly the fields the reader accepts, and vice versa. */
    @Test
    void everyObjectListsExactlyTheFieldsTheReaderAccepts() throws IOException {
        JsonNode s = schema();
        for (Map.Entry<String, List<String>> kind : VentureBinder.FIELDS.entrySet()) {
            JsonNode def = kind.getKey().equals("venture") ? s : s.get("$defs").get(kind.getKey());
            assertThat(def).as("schema $defs/" + kind.getKey()).isNotNull();
            assertThat(propertyNames(def)).as("fields of " + kind.getKey()).containsExactlyInAnyOrderElementsOf(kind.getValue());
        }
    }

    @Test
    void everyObjectIsClosedAndEveryFieldDescribed() throws IOException {
        JsonNode s = schema();
        List<JsonNode> objects = new ArrayList<>();
        objects.add(s);
        collectObjects(s.get("$defs"), objects);
        for (JsonNode object : objects) {
            if (object.has("properties")) {
                assertThat(object.get("additionalProperties").asBoolean(true)).as(object.toString()).isFalse();
                object.get("properties").properties().forEach(p -> assertThat(described(s, p.getValue()))
                        .as("description of " + p.getKey()).isTrue());
            }
        }
    }

    private static boolean described(JsonNode root, JsonNode property) {
        if (property.has("description")) {
            return true;
        }
        if (property.has("$ref")) {
            String name = property.get("$ref").asText().substring("#/$defs/".length());
            return root.get("$defs").get(name).has("description");
        }
        return false;
    }

    @Test
    void msoControlsAreTheModelsDecisionVocabulary() throws IOException {
        List<String> inSchema = new java.util.ArrayList<>();
        schema().at("/$defs/agreement/properties/msoControls/items/enum").forEach(n -> inSchema.add(n.asText()));
        assertThat(inSchema).containsExactlyElementsOf(org.msocap.model.Agreement.DECISIONS);
    }

    @Test
    void professionsAreTheModelsVocabulary() throws IOException {
        for (String at : List.of("/$defs/license/properties/profession/enum", "/$defs/practice/properties/profession/enum")) {
            List<String> inSchema = new java.util.ArrayList<>();
            schema().at(at).forEach(n -> inSchema.add(n.asText()));
            assertThat(inSchema).as(at).containsExactlyElementsOf(org.msocap.model.License.PROFESSIONS);
        }
    }

    private static void collectObjects(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            if (node.has("properties")) {
                out.add(node);
            }
            node.elements().forEachRemaining(child -> collectObjects(child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectObjects(child, out));
        }
    }

    private static Set<String> propertyNames(JsonNode def) {
        Set<String> names = new LinkedHashSet<>();
        if (def.has("properties")) {
            def.get("properties").fieldNames().forEachRemaining(names::add);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (def.has(combinator)) {
                for (Iterator<JsonNode> it = def.get(combinator).elements(); it.hasNext(); ) {
                    JsonNode branch = it.next();
                    if (branch.has("properties")) {
                        branch.get("properties").fieldNames().forEachRemaining(names::add);
                    }
                }
            }
        }
        return names;
    }

    /** Model files under examples/ventures of the repository, when that folder exists. */
    static List<Path> exampleModels() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir.resolve("examples/ventures"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir.resolve("examples/ventures"))) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
                    || p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
