package org.msocap.model;

/**
 * A venture model that breaks a rule of the format. {@link #field()} is the path of the offending
 * field, e.g. {@code mso.holdings[2].shares}, so a reader can point at its line and column.
 */
public final class ModelException extends RuntimeException {

    private final String field;

    public ModelException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Dotted path with list indexes, e.g. {@code practices[0].shareholders[1].holder}. */
    public String field() {
        return field;
    }
}
