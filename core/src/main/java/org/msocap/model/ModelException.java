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
     * @param soldIn the deal event whose own sale paid the class, through the cap table before it (a recap on its date);
     *               null when the class is of the table in force after every event dated on or before {@code inForceOn}
     */
    public record ClassField(String classId, LocalDate inForceOn, String field, DealEvent soldIn) {

        public ClassField {
            Objects.requireNonNull(classId, "classId");
            Objects.requireNonNull(inForceOn, "inForceOn");
            Objects.requireNonNull(field, "field");
        }

        public ClassField(String classId, LocalDate inForceOn, String field) {
            this(classId, inForceOn, field, null);
        }

        /** The same field, of the class as {@code event}'s own sale paid it: in the cap table before the event. */
        public ClassField soldIn(DealEvent event) {
            return new ClassField(classId, inForceOn, field, event);
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
