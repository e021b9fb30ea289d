package org.msocap.compliance;

import java.util.Locale;

/** What a finding is about. */
public enum SubjectKind {
    PRACTICE, AGREEMENT, PERSON, CLASS, MSO, EXIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
