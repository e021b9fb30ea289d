package org.msocap.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NOT-CHECKED.md lists exactly the catalog's unchecked rules, each with its reason. */
class NotCheckedDocTest {

    @Test
    void theDocMatchesTheCatalog() throws IOException {
        String doc;
        try (InputStream in = RuleCatalog.class.getResourceAsStream("NOT-CHECKED.md")) {
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(doc).contains(ComplianceReport.NOT_LEGAL_ADVICE);
        List<String> tableRows = doc.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Rule")).toList();
        List<Rule> unchecked = RuleCatalog.DEFAULT.notChecked();
        assertThat(tableRows).hasSameSizeAs(unchecked);
        for (Rule r : unchecked) {
            assertThat(tableRows).anySatisfy(row -> assertThat(row).startsWith("| " + r.id() + " |").contains(r.notChecked()));
        }
    }
}
