package org.msocap.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msocap.io.Node.Field;
import org.msocap.io.Node.ListNode;
import org.msocap.io.Node.MapNode;
import org.msocap.io.Node.ScalarNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a located {@link Node} tree, refusing hostile input on the way: files
 * over {@link #MAX_CHARS}, nesting deeper than {@link #MAX_DEPTH}, duplicate keys, and YAML anchors and
 * aliases (a model file never needs them, and refusing them outright defuses "billion laughs" bombs).
 */
final class TreeReader {

    /** 10 MiB: a model file with thousands of holders is well under 1 MiB. */
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_CHARS = (int) MAX_BYTES;
    /** The model nests six levels deep; anything far deeper is not a model file. */
    static final int MAX_DEPTH = 32;

    /** A 500-holder cap table has about ten thousand values; this bounds the tree's memory for hostile input. */
    static final int MAX_VALUES = 500_000;

    static final String EMPTY = "file is empty: expected a venture model (msocap: 1, venture: ..., mso: ...)";

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 8)
            .maxDocumentLength(MAX_BYTES)
            .maxStringLength(MAX_CHARS)
            .maxNumberLength(100)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .build();

    private final String file;
    /** The text being read when it is YAML, to tell flow maps and plain scalars by their first character; else null. */
    private final String yaml;
    /** The path being read, for errors the parser raises before a field is complete. */
    private final List<String> path = new ArrayList<>();
    private int values;

    private TreeReader(String file, String yaml) {
        this.file = file;
        this.yaml = yaml;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // Belt and braces: aliases are refused below, but the parser must not expand them either.
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 8);
        options.setCodePointLimit(MAX_CHARS + 1);
        return options;
    }

    /** The root map of {@code content}, read as JSON when the file name ends in .json, else as YAML. */
    static MapNode read(String content, String file) {
        return read(content, file, file.toLowerCase().endsWith(".json"));
    }

    /**
     * The root map of {@code content} from a stream without a file name (standard input): JSON when it opens as a JSON
     * object does, with <code>{"</code> (a YAML file starts with a field, or with <code>{</code> and a plain key), else
     * YAML. JSON is YAML too, but YAML refuses the tabs that indent much JSON.
     */
    static MapNode readUnnamed(String content, String name) {
        String start = content.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        boolean json = start.startsWith("{") && start.substring(1).stripLeading().startsWith("\"");
        return read(content, name, json);
    }

    private static MapNode read(String content, String file, boolean json) {
        if (content.length() > MAX_CHARS) {
            throw tooLarge(file, content.length() + " characters");
        }
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = content.substring(1);
        }
        TreeReader reader = new TreeReader(file, json ? null : content);
        try (JsonParser parser = json ? JSON.createParser(content) : YAML.createParser(content)) {
            return reader.root(parser);
        } catch (InvalidModelException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw reader.parseError(e, json);
        } catch (IOException e) {
            throw new InvalidModelException(file, 1, 1, "", "cannot read the file: " + e.getMessage(), e);
        }
    }

    static InvalidModelException tooLarge(String file, String size) {
        return new InvalidModelException(file, 1, 1, "", "file is too large (" + size + "); model files are limited to 10 MB");
    }

    private MapNode root(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            throw new InvalidModelException(file, 1, 1, "", EMPTY);
        }
        Node root = value(parser, token, 1);
        if (!(root instanceof MapNode map)) {
            throw new InvalidModelException(file, root.line(), root.column(), "",
                    "expected a venture model, a map of fields (msocap: 1, venture: ..., mso: ...), but found " + root.describe());
        }
        JsonToken extra = parser.nextToken();
        if (extra != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new InvalidModelException(file, line(at), column(at), "",
                    "a model file holds one venture, but a second document starts here");
        }
        return map;
    }

    private Node value(JsonParser parser, JsonToken token, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        refuseAnchors(parser, at);
        if (++values > MAX_VALUES) {
            throw error(at, "the file holds more than " + MAX_VALUES + " values; a venture model has far fewer");
        }
        if (depth > MAX_DEPTH) {
            throw error(at, "nesting is deeper than " + MAX_DEPTH + " levels; a venture model is never nested this deep");
        }
        return switch (token) {
            case START_OBJECT -> map(parser, at, depth);
            case START_ARRAY -> list(parser, at, depth);
            case VALUE_STRING -> scalar(ScalarNode.Kind.TEXT, parser, at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(ScalarNode.Kind.NUMBER, parser, at);
            case VALUE_TRUE, VALUE_FALSE -> scalar(ScalarNode.Kind.BOOLEAN, parser, at);
            case VALUE_NULL -> new ScalarNode(ScalarNode.Kind.NULL, "", line(at), column(at), startsWithout(at, "\"'|>"));
            default -> throw error(at, "unsupported YAML value; tagged values such as !!binary have no place in a model file");
        };
    }

    private ScalarNode scalar(ScalarNode.Kind kind, JsonParser parser, JsonLocation at) throws IOException {
        return new ScalarNode(kind, parser.getText(), line(at), column(at), startsWithout(at, "\"'|>"));
    }

    /** Whether the YAML value at {@code at} starts with none of {@code marks} (false for JSON). */
    private boolean startsWithout(JsonLocation at, String marks) {
        long offset = at.getCharOffset();
        return yaml != null && offset >= 0 && offset < yaml.length() && marks.indexOf(yaml.charAt((int) offset)) < 0;
    }

    /** Whether the YAML value at {@code at} starts with {@code mark} (false for JSON). */
    private boolean startsWith(JsonLocation at, char mark) {
        long offset = at.getCharOffset();
        return yaml != null && offset >= 0 && offset < yaml.length() && yaml.charAt((int) offset) == mark;
    }

    private MapNode map(JsonParser parser, JsonLocation start, int depth) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            JsonLocation keyAt = parser.currentTokenLocation();
            String key = parser.currentName();
            path.add(key);
            Field before = fields.get(key);
            if (before != null) {
                throw error(keyAt, "duplicate field '" + key + "' (first written at line " + before.line() + ", column "
                        + before.column() + ")" + (key.matches("[0-9]+") && startsWith(start, '{')
                        ? "; inside { } a comma ends the value: write numbers without thousands separators (1000000, or 1M)" : ""));
            }
            Node value = value(parser, parser.nextToken(), depth + 1);
            fields.put(key, new Field(key, line(keyAt), column(keyAt), value));
            path.remove(path.size() - 1);
        }
        if (token != JsonToken.END_OBJECT) {
            throw error(parser.currentTokenLocation(), "unexpected end of a map");
        }
        return new MapNode(java.util.Collections.unmodifiableMap(fields), line(start), column(start), startsWith(start, '{'));
    }

    private ListNode list(JsonParser parser, JsonLocation start, int depth) throws IOException {
        List<Node> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw error(parser.currentLocation(), "unexpected end of a list");
            }
            path.add("[" + items.size() + "]");
            items.add(value(parser, token, depth + 1));
            path.remove(path.size() - 1);
        }
        return new ListNode(List.copyOf(items), line(start), column(start));
    }

    private void refuseAnchors(JsonParser parser, JsonLocation at) throws IOException {
        if (parser instanceof YAMLParser yaml) {
            if (yaml.isCurrentAlias()) {
                throw error(at, "YAML aliases (*" + yaml.getText() + ") are not allowed in model files; write the value out");
            }
            Object anchor = yaml.getObjectId();
            if (anchor != null) {
                throw error(at, "YAML anchors (&" + anchor + ") are not allowed in model files; write the value out");
            }
        }
    }

    private InvalidModelException parseError(JsonProcessingException e, boolean json) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
            String context = "";
            if (yaml.getContext() != null && yaml.getContextMark() != null) {
                context = " (" + yaml.getContext() + " at line " + (yaml.getContextMark().getLine() + 1) + ", column "
                        + (yaml.getContextMark().getColumn() + 1) + ")";
            }
            return new InvalidModelException(file, mark.getLine() + 1, mark.getColumn() + 1, currentPath(),
                    "malformed YAML: " + clean(problem) + context, e);
        }
        JsonLocation at = e.getLocation();
        String what = e instanceof StreamConstraintsException ? "" : json ? "malformed JSON: " : "malformed YAML: ";
        return new InvalidModelException(file, at == null ? 1 : line(at), at == null ? 1 : column(at), currentPath(),
                what + clean(e.getOriginalMessage()), e);
    }

    /** Parser messages, without Java class names, Jackson feature hints or the source echo. */
    static String clean(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String first = message.strip().lines().findFirst().orElse("").strip();
        if (first.startsWith("Expected a field name")) {
            return "a map key must be plain text, not a list or a map";
        }
        first = first.replaceAll("\\(for Array starting at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)",
                        "(the list starts at line $1, column $2)")
                .replaceAll("\\(for Object starting at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)",
                        "(the map starts at line $1, column $2)")
                .replaceAll("\\(start marker at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)",
                        "(it starts at line $1, column $2)")
                .replaceAll("\\s*\\([^()]*\\[Source:.*$", "")
                .replaceAll("\\s*\\(for input source:.*$", "")
                .replaceAll("\\s*\\(.*?StreamReadConstraints.*?\\)", "")
                .replaceAll("(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1")
                .replaceAll("\\s*\\(code \\d+\\)", "");
        return first.isEmpty() ? "unreadable input" : first;
    }

    private String currentPath() {
        StringBuilder sb = new StringBuilder();
        for (String part : path) {
            if (!part.startsWith("[") && sb.length() > 0) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private InvalidModelException error(JsonLocation at, String reason) {
        return new InvalidModelException(file, line(at), column(at), currentPath(), reason);
    }

    private static int line(JsonLocation at) {
        return Math.max(1, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return Math.max(1, at.getColumnNr());
    }
}
