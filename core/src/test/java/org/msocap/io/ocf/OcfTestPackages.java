package org.msocap.io.ocf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.msocap.io.VentureReader;
import org.msocap.model.Venture;

/** Packages for the tests: the official samples, and small packages made by exporting a venture and editing one file. */
final class OcfTestPackages {

    static final Path SAMPLES = Path.of("src/test/resources/org/msocap/io/ocf/samples");
    static final Path EXAMPLE_INC = SAMPLES.resolve("example-inc-ocx");
    static final Path TELEHEALTH = Path.of("../examples/ventures/sunrise-telehealth.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OcfTestPackages() {
    }

    static Venture telehealth() {
        return VentureReader.read(TELEHEALTH);
    }

    static Map<String, byte[]> exported(Venture venture) {
        return new LinkedHashMap<>(OcfExporter.export(venture, Instant.parse("2026-01-01T00:00:00Z")).files());
    }

    /** The files with one of them edited as a JSON tree (checksums are left stale: a notice, not a problem). */
    static Map<String, byte[]> edit(Map<String, byte[]> files, String name, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(files.get(name));
            change.accept(tree);
            Map<String, byte[]> copy = new LinkedHashMap<>(files);
            copy.put(name, JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item of a transactions (or other) file with the given object_type, the first one. */
    static ObjectNode firstItem(ObjectNode file, String objectType) {
        for (var item : file.withArray("items")) {
            if (objectType.equals(item.path("object_type").asText())) {
                return (ObjectNode) item;
            }
        }
        throw new AssertionError("no " + objectType);
    }

    static int indexOf(ObjectNode file, String objectType) {
        var items = file.withArray("items");
        for (int i = 0; i < items.size(); i++) {
            if (objectType.equals(items.get(i).path("object_type").asText())) {
                return i;
            }
        }
        throw new AssertionError("no " + objectType);
    }
}
