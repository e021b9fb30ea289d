package org.msocap.io.ocf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Terms msocap models that OCF has no field for (full participation, dividends, option acceleration, a SAFE's
 * rank against preferred, a note's maturity, an unknown date, the MSO's legal form) travel in the standard
 * {@code comments} array of the object as {@code "msocap: <key> <value>"}, so an export imports back to the
 * same model while other tools still read valid OCF and show the comment to a person.
 */
final class MsocapComments {

    static final String PREFIX = "msocap: ";

    private MsocapComments() {
    }

    static void add(ObjectNode object, String key, String value) {
        object.withArray("comments").add(PREFIX + key + (value.isEmpty() ? "" : " " + value));
    }

    /** Every value of {@code key} in the object's comments, in order. */
    static java.util.List<String> all(JsonNode object, String key) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (JsonNode c : object.path("comments")) {
            String text = c.asText();
            if (text.startsWith(PREFIX + key + " ")) {
                values.add(text.substring((PREFIX + key).length()).strip());
            }
        }
        return values;
    }

    /** The value of {@code key} in the object's comments; empty string for a flag; empty when absent. */
    static Optional<String> get(JsonNode object, String key) {
        for (JsonNode c : object.path("comments")) {
            String text = c.asText();
            if (text.startsWith(PREFIX + key)) {
                String rest = text.substring((PREFIX + key).length());
                if (rest.isEmpty() || rest.startsWith(" ")) {
                    return Optional.of(rest.strip());
                }
            }
        }
        return Optional.empty();
    }
}
