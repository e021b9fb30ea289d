package org.msocap.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rule and state catalogs: a small INI-like text format, so that the compliance package needs no
 * file library (Jackson lives only in {@code org.msocap.io}, which in turn reads into the model).
 *
 * <pre>
 * # a comment
 * [rule AKS-01]
 * title = Referral-source investors hold more than 40% of a class
 * url = https://first.example
 * url = https://second.example      # a key may repeat; values keep their order
 * remediation = Keep referral-source investors at or below 40%
 *   of each class.                  # an indented line continues the value before it
 * </pre>
 */
final class CatalogFormat {

    /** One {@code [type name]} block. */
    record Section(String type, String name, Map<String, List<String>> values, String source, int line) {

        String where() {
            return source + ":" + line + " [" + type + " " + name + "]";
        }

        String one(String key) {
            List<String> v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException(where() + ": missing '" + key + "'");
            }
            if (v.size() > 1) {
                throw new IllegalArgumentException(where() + ": '" + key + "' is given " + v.size() + " times");
            }
            return v.get(0);
        }

        String optional(String key) {
            return values.containsKey(key) ? one(key) : null;
        }

        List<String> all(String key) {
            return values.getOrDefault(key, List.of());
        }
    }

    private CatalogFormat() {
    }

    static List<Section> parse(Reader in, String source) {
        List<Section> sections = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(in)) {
            String type = null;
            String name = null;
            int sectionLine = 0;
            Map<String, List<String>> values = null;
            String lastKey = null;
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                if (stripped.startsWith("[")) {
                    if (!stripped.endsWith("]")) {
                        throw new IllegalArgumentException(source + ":" + n + ": a section header ends with ']'");
                    }
                    if (values != null) {
                        sections.add(new Section(type, name, values, source, sectionLine));
                    }
                    String[] parts = stripped.substring(1, stripped.length() - 1).strip().split("\\s+", 2);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException(source + ":" + n + ": a section header is [type name] but was " + stripped);
                    }
                    type = parts[0];
                    name = parts[1];
                    sectionLine = n;
                    values = new LinkedHashMap<>();
                    lastKey = null;
                    continue;
                }
                if (values == null) {
                    throw new IllegalArgumentException(source + ":" + n + ": a value outside any [section]");
                }
                if (Character.isWhitespace(line.charAt(0))) {
                    if (lastKey == null) {
                        throw new IllegalArgumentException(source + ":" + n + ": a continuation line without a key before it");
                    }
                    List<String> v = values.get(lastKey);
                    v.set(v.size() - 1, v.get(v.size() - 1) + " " + stripped);
                    continue;
                }
                int eq = stripped.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(source + ":" + n + ": expected 'key = value' but was " + stripped);
                }
                lastKey = stripped.substring(0, eq).strip();
                values.computeIfAbsent(lastKey, k -> new ArrayList<>()).add(stripped.substring(eq + 1).strip());
            }
            if (values != null) {
                sections.add(new Section(type, name, values, source, sectionLine));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }
}
