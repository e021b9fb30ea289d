package org.msocap.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How bad a finding is, lowest first. The research's scale: CRITICAL (likely void or unlawful; licensure or
 * criminal exposure), HIGH (likely violation or lost safe harbor in a strict state), MEDIUM (fact-specific
 * risk), LOW, INFO (worth knowing or verifying).
 */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** Parses {@code info|low|medium|high|critical}, case-insensitive. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("severity must be one of "
                + Arrays.stream(values()).map(Severity::id).collect(Collectors.joining("|")) + " but was '" + text + "'");
    }
}
