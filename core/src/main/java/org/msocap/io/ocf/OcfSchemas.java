package org.msocap.io.ocf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official OCF JSON Schemas, bundled as resources (with their copyright {@code $comment}s and licence) and
 * resolved by {@code $id} from the class path: validating never touches the network.
 *
 * <p>Transactions files are checked item by item against the schema of each item's {@code object_type}, not
 * through the file schema's 36-way {@code oneOf}: a failed {@code oneOf} only says "no branch matched", while
 * the item's own schema names the field. It also lets the import say clearly when an item is a valid OCF object
 * that the official transactions file schema forgets to list (an upstream gap in OCF 1.2).
 */
public final class OcfSchemas {

    /** The prefix of every official schema's {@code $id}. */
    static final String ID_PREFIX = "https://raw.githubusercontent.com/Open-Cap-Table-Coalition/Open-Cap-Format-OCF/main/schema/";
    private static final String RESOURCES = "org/msocap/io/ocf/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:" + RESOURCES))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    private static final OcfSchemas INSTANCE = new OcfSchemas();

    private final Map<String, String> fileSchemaByType = new LinkedHashMap<>();
    private final Map<String, String> objectSchemaByType = new LinkedHashMap<>();
    private final Set<String> transactionsFileTypes = new LinkedHashSet<>();
    private final String manifestVersion;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OcfSchemas() {
        for (String line : resource("index.txt").split("\n")) {
            String path = line.strip();
            if (path.isEmpty()) {
                continue;
            }
            JsonNode schema = tree(path);
            JsonNode type = schema.path("properties").path(path.startsWith("files/") ? "file_type" : "object_type");
            if (path.startsWith("files/")) {
                fileSchemaByType.put(type.path("const").asText(), path);
            } else if (path.startsWith("objects/")) {
                if (type.has("const")) {
                    objectSchemaByType.put(type.get("const").asText(), path);
                }
                type.path("enum").forEach(t -> objectSchemaByType.put(t.asText(), path));
            }
        }
        for (JsonNode ref : tree("files/TransactionsFile.schema.json").path("properties").path("items").path("items").path("oneOf")) {
            String path = ref.path("$ref").asText().substring(ID_PREFIX.length());
            JsonNode type = tree(path).path("properties").path("object_type");
            List<String> types = new ArrayList<>();
            if (type.has("const")) {
                types.add(type.get("const").asText());
            }
            type.path("enum").forEach(t -> types.add(t.asText()));
            for (String t : types) {
                transactionsFileTypes.add(t);
                objectSchemaByType.put(t, path); // a type two schemas claim (a deprecated alias) is checked by the listed one
            }
        }
        manifestVersion = tree("files/OCFManifestFile.schema.json").path("properties").path("ocf_version").path("const").asText();
    }

    public static OcfSchemas get() {
        return INSTANCE;
    }

    /** The {@code ocf_version} the bundled schemas describe (what an export writes). */
    public String version() {
        return manifestVersion;
    }

    /** The OCF release line the bundled schemas describe, e.g. {@code 1.2}: any {@code 1.2.x} package is read. */
    public String versionLine() {
        String[] parts = manifestVersion.split("[.-]");
        return parts[0] + "." + parts[1];
    }

    public boolean isFileType(String fileType) {
        return fileSchemaByType.containsKey(fileType);
    }

    public boolean isObjectType(String objectType) {
        return objectSchemaByType.containsKey(objectType);
    }

    /** Whether the official transactions file schema lists this object type among its items. */
    public boolean isListedInTransactionsFile(String objectType) {
        return transactionsFileTypes.contains(objectType);
    }

    /** The bundled schema file (relative to the schema folder) of an object type, e.g. {@code objects/StockClass.schema.json}. */
    public String objectSchemaPath(String objectType) {
        return objectSchemaByType.get(objectType);
    }

    public Set<String> fileTypes() {
        return Collections.unmodifiableSet(fileSchemaByType.keySet());
    }

    /**
     * Problems of one file of a package against the schema of its expected file type. The pointers are into
     * {@code file}. A transactions file's items are checked one by one (see the class comment); items of a
     * type the file schema does not list but that validate against their own schema are reported as
     * {@code gaps}, not problems.
     */
    public List<OcfProblem> validateFile(String fileName, String fileType, JsonNode file, List<OcfProblem> gaps) {
        List<OcfProblem> problems = new ArrayList<>();
        String path = fileSchemaByType.get(fileType);
        if (path == null) {
            problems.add(new OcfProblem(fileName, "/file_type", "unknown OCF file type " + fileType));
            return problems;
        }
        if (!"OCF_TRANSACTIONS_FILE".equals(fileType) || !file.path("items").isArray()) {
            problems.addAll(validate(fileName, "", path, file));
            return problems;
        }
        ObjectNode envelope = ((ObjectNode) file).deepCopy();
        envelope.putArray("items");
        problems.addAll(validate(fileName, "", path, envelope));
        JsonNode items = file.get("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "/items/" + i;
            String type = item.path("object_type").asText(null);
            if (type == null || !objectSchemaByType.containsKey(type)) {
                problems.add(new OcfProblem(fileName, at + "/object_type", type == null ? "an item needs an object_type"
                        : "unknown OCF object type " + type));
                continue;
            }
            List<OcfProblem> own = validate(fileName, at, objectSchemaByType.get(type), item);
            if (isListedInTransactionsFile(type)) {
                problems.addAll(own);
            } else if (own.isEmpty()) {
                gaps.add(new OcfProblem(fileName, at, type + " is a valid OCF object (" + objectSchemaByType.get(type)
                        + ") but the official transactions file schema does not list it (a gap in the OCF " + versionLine()
                        + " schemas upstream); checked against its own schema"));
            } else {
                problems.add(new OcfProblem(fileName, at, type + " is not listed by the official transactions file schema "
                        + "(a gap in the OCF " + versionLine() + " schemas upstream), and it does not validate against its own schema either"));
                problems.addAll(own);
            }
        }
        return problems;
    }

    /** Problems of {@code node} against the bundled schema at {@code path}; pointers are prefixed with {@code at}. */
    public List<OcfProblem> validate(String fileName, String at, String path, JsonNode node) {
        Schema schema = compiled.computeIfAbsent(path, p -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + p)));
        List<Error> errors = schema.validate(node);
        // A oneOf/anyOf that fails reports every branch. A branch whose type discriminator (a "type" const) does not
        // match the value is noise: drop its errors, and drop the "no branch matched" summary when the branch the
        // value meant to be explains it with specific errors.
        Set<String> wrongBranches = new LinkedHashSet<>();
        for (Error e : errors) {
            String evaluated = e.getEvaluationPath().toString();
            if ("const".equals(e.getKeyword()) && e.getInstanceLocation().toString().endsWith("/type")) {
                String branch = branchOf(evaluated);
                if (branch != null) {
                    wrongBranches.add(branch);
                }
            }
        }
        List<Error> kept = new ArrayList<>();
        for (Error e : errors) {
            String evaluated = e.getEvaluationPath().toString();
            if (wrongBranches.stream().noneMatch(w -> evaluated.startsWith(w + "/"))) {
                kept.add(e);
            }
        }
        List<OcfProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Error e : kept) {
            String location = e.getInstanceLocation().toString();
            boolean summary = "oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword());
            if (summary && kept.stream().anyMatch(o -> o != e && !"oneOf".equals(o.getKeyword()) && !"anyOf".equals(o.getKeyword())
                    && (o.getInstanceLocation().toString() + "/").startsWith(location + "/"))) {
                continue;
            }
            OcfProblem problem = new OcfProblem(fileName, at + location, message(e));
            if (seen.add(problem.toString())) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** The innermost oneOf/anyOf branch of an evaluation path, up to and including the branch index; or null. */
    private static String branchOf(String path) {
        int i = Math.max(path.lastIndexOf("/oneOf/"), path.lastIndexOf("/anyOf/"));
        if (i < 0) {
            return null;
        }
        int end = path.indexOf('/', i + "/oneOf/".length());
        return end < 0 ? path : path.substring(0, end);
    }

    private static String message(Error e) {
        String m = e.getMessage();
        String location = e.getInstanceLocation().toString();
        // The library's message starts with the instance location; the problem carries it already.
        if (!location.isEmpty() && m.startsWith(location + ": ")) {
            m = m.substring(location.length() + 2);
        } else if (m.startsWith(": ")) {
            m = m.substring(2);
        }
        return m;
    }

    private static JsonNode tree(String path) {
        try {
            return JSON.readTree(resource(path));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled OCF schema " + path + " is not JSON", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = OcfSchemas.class.getClassLoader().getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                throw new IllegalStateException("bundled OCF schema resource missing: " + RESOURCES + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
