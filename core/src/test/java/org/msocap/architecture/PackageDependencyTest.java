package org.msocap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps core's packages layered one way (STYLE.md): each package may import only packages of a lower
 * layer. {@code io} sits on the model and nothing in the engines reads files; {@code report} may use
 * everything. A plain scan of import lines, so it needs no extra library.
 */
class PackageDependencyTest {

    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("money", 0),
            Map.entry("model", 1),
            Map.entry("io", 2),
            Map.entry("captable", 2),
            Map.entry("fees", 3),
            Map.entry("waterfall", 4),
            Map.entry("compliance", 5),
            Map.entry("deal", 5),
            Map.entry("simulation", 6),
            Map.entry("report", 7));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.msocap\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void packagesDependOnlyOnLowerLayers() throws IOException {
        Path root = Path.of("src/main/java/org/msocap");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file).getName(0).toString();
                assertThat(LAYER).as("package %s has no layer; add it to this test", pkg).containsKey(pkg);
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && LAYER.getOrDefault(target, Integer.MAX_VALUE) >= LAYER.get(pkg)) {
                        violations.add(root.relativize(file) + " imports org.msocap." + target);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void librariesStayInTheirPlaces() throws IOException {
        Path root = Path.of("src/main/java/org/msocap");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file).getName(0).toString();
                String text = Files.readString(file);
                if (text.contains("import com.fasterxml.jackson") && !pkg.equals("io")) {
                    violations.add(file + " uses Jackson outside io");
                }
                if (text.contains("import org.apache.poi") || text.contains("import picocli")) {
                    violations.add(file + " uses POI or picocli in core");
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
