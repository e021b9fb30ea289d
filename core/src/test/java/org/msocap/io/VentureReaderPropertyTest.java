package org.msocap.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Whatever damage is done to a valid model file, the reader either reads it or throws one
 * {@link InvalidModelException} with a place inside the file and a one-line message: never another
 * exception, never a stack trace's worth of text.
 */
class VentureReaderPropertyTest {

    private static final long SEED = 42L;
    private static final String[] TOKENS = {"", " ", ":", "-", "{", "}", "[", "]", ",", "\n", "\t", "#", "&a", "*a", "!!str",
        "'", "\"", "~", "null", "true", "-5", "0", "1e400", "99999999999999999999999", "10.5", "2.5M", "abc", "2026-13-45",
        "NaN", ".inf", "%", "|", ">", "? ", "---", "...", "<<: ", "\u0000", "é"};

    @Test
    void damagedYamlFailsCleanly() throws IOException {
        String full = VentureReaderTest.resource("full.yaml");
        qt().withFixedSeed(SEED).withExamples(2000).forAll(damaged(full)).checkAssert(text -> assertCleanOutcome(text, "damaged.yaml"));
    }

    @Test
    void damagedJsonFailsCleanly() throws IOException {
        String full = VentureReaderTest.resource("full.json");
        qt().withFixedSeed(SEED).withExamples(1000).forAll(damaged(full)).checkAssert(text -> assertCleanOutcome(text, "damaged.json"));
    }

    private static void assertCleanOutcome(String text, String name) {
        try {
            VentureReader.read(text, name);
        } catch (InvalidModelException e) {
            long lines = text.lines().count() + 1;
            assertThat(e.line()).isBetween(1, (int) Math.max(lines, 1));
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).startsWith(name + ":" + e.line() + ":" + e.column() + ": ")
                    .doesNotContain("\n").doesNotContain("Exception").doesNotContain("com.fasterxml").doesNotContain("org.yaml");
        }
    }

    /** The text with one to three edits: a token inserted, a span deleted, or a span replaced by a token. */
    private static Gen<String> damaged(String text) {
        return in -> {
            StringBuilder sb = new StringBuilder(text);
            long edits = in.next(Constraint.between(1, 3));
            for (int i = 0; i < edits; i++) {
                int at = (int) in.next(Constraint.between(0, sb.length()));
                int kind = (int) in.next(Constraint.between(0, 2));
                String token = TOKENS[(int) in.next(Constraint.between(0, TOKENS.length - 1))];
                int end = Math.min(sb.length(), at + (int) in.next(Constraint.between(1, 12)));
                switch (kind) {
                    case 0 -> sb.insert(at, token);
                    case 1 -> sb.delete(at, end);
                    default -> sb.replace(at, end, token);
                }
            }
            return sb.toString();
        };
    }
}
