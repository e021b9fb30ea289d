package org.msocap.compliance;

import java.util.List;
import java.util.Objects;

/**
 * Where a rule comes from: the authorities as the research names them, and the public pages it read them on.
 *
 * @param text e.g. {@code 42 CFR 1001.952(a)(2)(i); (a)(3)}
 * @param urls the research's source addresses, best first
 */
public record Citation(String text, List<String> urls) {

    public Citation {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("citation text must not be blank");
        }
        urls = List.copyOf(urls);
    }

    /** The text followed by the first source address, for one-line output. */
    @Override
    public String toString() {
        return urls.isEmpty() ? text : text + " <" + urls.get(0) + ">";
    }
}
