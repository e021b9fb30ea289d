package org.msocap.io.ocf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An OCF package read from a directory or a {@code .ocf.zip}: the manifest and the files it lists, each parsed
 * and checked against the bundled official schemas. Reading never throws for a bad package; it collects
 * {@link #problems()} (violations, missing files, broken JSON, an unsupported version) and {@link #notices()}
 * (things worth saying that do not make the package invalid, such as a checksum mismatch or the upstream
 * schema gap), so that a strict import can refuse with every problem at once and a lenient one can go on.
 */
public final class OcfPackage {

    /** A package larger than this is not a cap table: refuse before reading it into memory. */
    static final long MAX_BYTES = 256L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file of the package: its name (as the manifest gives it), its expected type and its tree. */
    public record OcfFile(String name, String fileType, JsonNode json) {
    }

    private final String source;
    private String manifestName;
    private JsonNode manifest;
    private final List<OcfFile> files = new ArrayList<>();
    private final List<OcfProblem> problems = new ArrayList<>();
    private final List<OcfProblem> notices = new ArrayList<>();

    private OcfPackage(String source) {
        this.source = source;
    }

    public static OcfPackage read(Path path) {
        OcfPackage p = new OcfPackage(path.toString());
        Map<String, byte[]> entries;
        try {
            entries = Files.isDirectory(path) ? directory(path) : zip(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        p.load(entries);
        return p;
    }

    /**
     * Reads a package from a stream (standard input), named {@code source} in problems: a {@code .ocf.zip}, or one OCF
     * JSON file, which can be a package only as a manifest that lists no other file.
     */
    public static OcfPackage read(InputStream in, String source) {
        byte[] content;
        try {
            content = in.readNBytes((int) MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new IOException("the package is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            if (content.length == 0) {
                throw new IOException("it is empty; pipe a .ocf.zip or an OCF JSON file into it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        OcfPackage p = new OcfPackage(source);
        Map<String, byte[]> entries;
        if (content.length >= 2 && content[0] == 'P' && content[1] == 'K') {
            try {
                entries = zip(new java.io.ByteArrayInputStream(content));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
            }
        } else {
            entries = Map.of(source, content);
        }
        p.load(entries);
        return p;
    }

    /** Reads a package from named file contents (paths relative to the package root). */
    public static OcfPackage of(String source, Map<String, byte[]> entries) {
        OcfPackage p = new OcfPackage(source);
        p.load(entries);
        return p;
    }

    public String source() {
        return source;
    }

    public String manifestName() {
        return manifestName;
    }

    /** The manifest, or null when the package has none (then {@link #problems()} says so). */
    public JsonNode manifest() {
        return manifest;
    }

    public List<OcfFile> files() {
        return List.copyOf(files);
    }

    public List<OcfProblem> problems() {
        return List.copyOf(problems);
    }

    public List<OcfProblem> notices() {
        return List.copyOf(notices);
    }

    private void load(Map<String, byte[]> entries) {
        OcfSchemas schemas = OcfSchemas.get();
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            if (!e.getKey().endsWith(".json") && !e.getKey().equals(source)) {
                continue; // what is not JSON is no file of the package; a single file from a stream is named after the stream
            }
            JsonNode tree = parse(e.getKey(), e.getValue());
            if (tree != null) {
                parsed.put(e.getKey(), tree);
            }
        }
        // The shallowest manifest is the package's; one in a subfolder belongs to another package beside it.
        List<String> all = parsed.entrySet().stream()
                .filter(e -> "OCF_MANIFEST_FILE".equals(e.getValue().path("file_type").asText()))
                .map(Map.Entry::getKey).toList();
        int depth = all.stream().mapToInt(OcfPackage::depth).min().orElse(0);
        List<String> manifests = all.stream().filter(m -> depth(m) == depth).sorted().toList();
        if (manifests.isEmpty()) {
            problems.add(new OcfProblem(source, "", "no OCF manifest: the package needs a JSON file with \"file_type\": "
                    + "\"OCF_MANIFEST_FILE\" listing its other files"));
            return;
        }
        manifestName = manifests.get(0);
        if (manifests.size() > 1) {
            problems.add(new OcfProblem(manifests.get(1), "/file_type", "a package has one manifest, but " + manifestName
                    + " is one too"));
        }
        manifest = parsed.get(manifestName);
        String version = manifest.path("ocf_version").asText("");
        boolean supported = version.equals(schemas.version()) || version.startsWith(schemas.versionLine() + ".");
        if (!supported) {
            problems.add(new OcfProblem(manifestName, "/ocf_version", "unsupported OCF version '" + version + "': msocap reads OCF "
                    + schemas.versionLine() + ".x (its schemas are " + schemas.version() + "); --lenient imports what it can"));
        }
        // The official manifest schema pins the exact development label (e.g. 1.2.1-alpha+main); any 1.2.x release is
        // the same format, so the version is checked above and the rest of the manifest against the schema.
        ObjectNode forSchema = ((ObjectNode) manifest).deepCopy();
        forSchema.put("ocf_version", schemas.version());
        problems.addAll(schemas.validateFile(manifestName, "OCF_MANIFEST_FILE", forSchema, notices));
        String base = manifestName.contains("/") ? manifestName.substring(0, manifestName.lastIndexOf('/') + 1) : "";
        manifest.fields().forEachRemaining(field -> {
            if (!field.getKey().endsWith("_files") || !field.getValue().isArray()) {
                return;
            }
            String fileType = "OCF_" + field.getKey().substring(0, field.getKey().length() - "_files".length()).toUpperCase() + "_FILE";
            JsonNode list = field.getValue();
            for (int i = 0; i < list.size(); i++) {
                String pointer = "/" + field.getKey() + "/" + i + "/filepath";
                String declared = list.get(i).path("filepath").asText("");
                String name = normalize(base + declared);
                if (!entries.containsKey(name)) {
                    problems.add(new OcfProblem(manifestName, pointer, "the manifest lists " + declared + " but the package has no such file"
                            + (manifestName.equals(source) ? " (" + source + " holds one file: give the package as a .ocf.zip)" : "")));
                    continue;
                }
                JsonNode tree = parsed.get(name);
                if (tree == null) {
                    continue; // not JSON: parse() said so
                }
                String md5 = list.get(i).path("md5").asText("");
                if (!md5.isEmpty() && !md5.equalsIgnoreCase(md5(entries.get(name)))) {
                    notices.add(new OcfProblem(manifestName, "/" + field.getKey() + "/" + i + "/md5",
                            "checksum does not match " + declared + " (the file changed after the manifest was written)"));
                }
                problems.addAll(schemas.validateFile(name, fileType, tree, notices));
                files.add(new OcfFile(name, fileType, tree));
            }
        });
    }

    private JsonNode parse(String name, byte[] content) {
        try {
            JsonNode tree = JSON.readTree(content);
            if (tree == null || !tree.isObject()) {
                problems.add(new OcfProblem(name, "", "an OCF file is a JSON object"));
                return null;
            }
            return tree;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.add(new OcfProblem(name, "", (at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                    + "not valid JSON: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int depth(String name) {
        return (int) name.chars().filter(c -> c == '/').count();
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }

    /**
     * A directory's package: its own JSON files, the manifest among them, and the files a manifest lists, which may be
     * in subfolders. Nothing else below it is read: a subfolder can hold another package, or anything at all (a
     * directory named by mistake, a home directory).
     */
    private static Map<String, byte[]> directory(Path dir) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                total = readInto(entries, f.getFileName().toString(), f, total);
            }
        }
        for (byte[] content : List.copyOf(entries.values())) {
            JsonNode tree;
            try {
                tree = JSON.readTree(content);
            } catch (JsonProcessingException e) {
                continue; // reported when the package is loaded
            }
            if (tree == null || !"OCF_MANIFEST_FILE".equals(tree.path("file_type").asText())) {
                continue;
            }
            for (String listed : listedFiles(tree)) {
                String name = normalize(listed);
                Path f = dir.resolve(name);
                if (!entries.containsKey(name) && !name.startsWith("..") && Files.isRegularFile(f)) {
                    total = readInto(entries, name, f, total);
                }
            }
        }
        return entries;
    }

    /** Reads {@code file} into {@code entries} as {@code name}; the package's bytes so far, with it. */
    private static long readInto(Map<String, byte[]> entries, String name, Path file, long total) throws IOException {
        long sum = total + Files.size(file);
        if (sum > MAX_BYTES) {
            throw new IOException("the package is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        entries.put(name, Files.readAllBytes(file));
        return sum;
    }

    /** The paths a manifest lists in its {@code *_files} arrays, as written. */
    private static List<String> listedFiles(JsonNode manifest) {
        List<String> paths = new ArrayList<>();
        manifest.fields().forEachRemaining(field -> {
            if (field.getKey().endsWith("_files") && field.getValue().isArray()) {
                field.getValue().forEach(file -> paths.add(file.path("filepath").asText("")));
            }
        });
        return paths;
    }

    /** The next entry; a name that is not UTF-8 (older Windows zip tools) is a bad package, not an internal error. */
    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new IOException("not a zip file msocap can read (an entry name is not UTF-8: " + e.getMessage() + ")", e);
        }
    }

    private static Map<String, byte[]> zip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return zip(in);
        }
    }

    private static Map<String, byte[]> zip(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            boolean any = false;
            for (ZipEntry e; (e = nextEntry(zip)) != null; ) {
                any = true;
                if (e.isDirectory()) {
                    continue;
                }
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += content.length;
                if (total > MAX_BYTES) {
                    throw new IOException("the package is larger than " + (MAX_BYTES >> 20) + " MiB");
                }
                entries.put(normalize(e.getName()), content);
            }
            if (!any) {
                throw new IOException("not a zip file (an OCF package is a .ocf.zip or a directory)");
            }
        }
        return entries;
    }
}
