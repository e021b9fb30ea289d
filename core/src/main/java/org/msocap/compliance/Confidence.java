package org.msocap.compliance;

/**
 * How directly the research read a fact from primary text: H = statute, regulation or board text read;
 * M = secondary (law-firm or compliance guides); L = inferred or unverified.
 */
public enum Confidence {
    HIGH("H"), MEDIUM("M"), LOW("L");

    private final String code;

    Confidence(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The weaker of two confidences: a finding is only as sure as the least sure fact it rests on. */
    public Confidence weakest(Confidence other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public static Confidence parse(String text) {
        for (Confidence c : values()) {
            if (c.code.equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("confidence must be H, M or L but was '" + text + "'");
    }
}
