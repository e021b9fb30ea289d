package org.msocap.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}. To regenerate them after an intended change,
 * run the tests with {@code -Dmsocap.golden.update=true}, e.g.
 * {@code ./mvnw -B -o -pl core,spreadsheets verify -Dmsocap.golden.update=true}, then review the diff
 * with {@code git diff} before committing.
 */
final class Golden {

    static final String UPDATE_PROPERTY = "msocap.golden.update";
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static void assertMatches(String actual, String fileName) throws IOException {
        Path file = DIR.resolve(fileName);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s is missing; run with -D%s=true to create it", file, UPDATE_PROPERTY).exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("workbook content differs from %s; if the change is intended, regenerate with -D%s=true",
                file, UPDATE_PROPERTY).isEqualTo(expected);
    }
}
