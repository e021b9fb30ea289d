package org.msocap.cli;

import java.util.HashMap;
import java.util.Map;
import org.msocap.model.ShareClass;
import org.msocap.model.Venture;

/**
 * Share classes as people read them in tables: the class's {@code name} when the model gives one, else its id.
 * JSON output keeps the ids, which are the keys a program looks things up by.
 */
final class ClassNames {

    private final Map<String, String> names = new HashMap<>();

    ClassNames(Venture venture) {
        for (ShareClass c : venture.mso().classes()) {
            names.put(c.id(), c.displayName());
        }
    }

    /** The class's display name; any other claimant id (options, warrants, SAFEs, notes) unchanged. */
    String of(String id) {
        return names.getOrDefault(id, id);
    }

    /** A cap-table class group's label: {@code series-a} or {@code options (common)}, with the class by name. */
    String group(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? of(key) : key.substring(0, colon) + " (" + of(key.substring(colon + 1)) + ")";
    }
}
