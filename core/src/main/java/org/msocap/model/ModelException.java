package org.msocap.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A venture model that breaks a rule of the format. {@link #field()} is the path of the offending
 * field, e.g. {@code mso.holdings[2].shares}, so a reader can point at its line and column.
 */
public final class ModelException extends RuntimeException {

    /**
     * A field of a share class of the cap table in force on a date, which deal events may have defined: an engine sees
     * only the cap table in force (a recap's classes as {@code mso.classes}), the reader of the file knows where the
     * class with this id was written on that date ({@code events[0].classes[1]}).
     *
     * @param field the field inside the class, e.g. {@code dividend.rate}
     */
    public record ClassField(String classId, LocalDate inForceOn, String field) {

        public ClassField {
            Objects.requireNonNull(classId, "classId");
            Objects.requireNonNull(inForceOn, "inForceOn");
            Objects.requireNonNull(field, "field");
        }
    }

    private final String field;
    private final ClassField classField;

    public ModelException(String field, String message) {
        this(field, message, null);
    }

    /** A problem with a share class's field; {@code field} is its path in the cap table in force. */
    public ModelException(String field, String message, ClassField classField) {
        super(message);
        this.field = field;
        this.classField = classField;
    }

    /** Dotted path with list indexes, e.g. {@code practices[0].shareholders[1].holder}. */
    public String field() {
        return field;
    }

    /** The share class and field the problem is about, when it concerns one that deal events may have defined. */
    public Optional<ClassField> classField() {
        return Optional.ofNullable(classField);
    }
}
