package org.msocap.compliance;

import java.util.Arrays;
import java.util.LinkedHashSet;
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

    /** The authorities one by one: the text split at its semicolons. */
    public List<String> parts() {
        return Arrays.stream(text.split(";")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    /** This citation, then {@code more}'s authorities and the addresses this one does not already give. */
    public Citation followedBy(Citation more) {
        LinkedHashSet<String> allUrls = new LinkedHashSet<>(urls);
        allUrls.addAll(more.urls());
        return new Citation(text + "; " + more.text(), List.copyOf(allUrls));
    }

    /** The text followed by the first source address, for one-line output. */
    @Override
    public String toString() {
        return urls.isEmpty() ? text : text + " <" + urls.get(0) + ">";
    }
}
