package org.msocap.model;

/** How results are grouped everywhere: a licensed clinician, a lay person, or an entity. */
public enum HolderCategory {
    /** A person with at least one active clinical license. */
    CLINICIAN,
    /** A person without an active clinical license. */
    LAY,
    /** A fund, company or trust. */
    ENTITY;

    public String id() {
        return name().toLowerCase();
    }
}
