package org.msocap.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the model file format, for editors that complete and check
 * model files, and printed by {@code msocap schema}. Written by hand next to {@link VentureReader};
 * a test keeps the two in step field by field.
 */
public final class Schema {

    static final String RESOURCE = "msocap.schema.json";

    private Schema() {
    }

    /** The schema as JSON text. */
    public static String text() {
        try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the schema resource " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
