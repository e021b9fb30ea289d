package org.msocap.io;

import org.msocap.model.Shown;

/**
 * A model file that cannot be read: malformed, too large, of the wrong shape, or breaking an invariant
 * of the model. It names the place, so an editor or a person can go straight to it:
 * {@code sunrise.yaml:14:35: mso.holdings[1].shares: shares must be > 0 but was -5}.
 *
 * <p>The message is the whole story: it carries no Java class names, and callers print it as it is.
 */
public final class InvalidModelException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;

    /**
     * @param field the path of the offending field, e.g. {@code mso.holdings[2].shares}; empty when the
     *              problem concerns the file as a whole (empty, too large, malformed before any field)
     */
    public InvalidModelException(String file, int line, int column, String field, String reason) {
        this(file, line, column, field, reason, null);
    }

    /** @param cause what the parser or a record constructor threw; kept for {@code --debug}, never in the message */
    public InvalidModelException(String file, int line, int column, String field, String reason, Throwable cause) {
        super(format(file, line, column, shownField(field), Shown.message(reason)), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field == null ? "" : field;
        this.reason = Shown.message(reason);
    }

    /** A path built from keys of the file: as long and as strange as the file's keys. */
    private static String shownField(String field) {
        return field == null ? null : Shown.message(field);
    }

    private static String format(String file, int line, int column, String field, String reason) {
        String where = Shown.escape(file) + ":" + line + ":" + column + ": ";
        return field == null || field.isEmpty() ? where + reason : where + field + ": " + reason;
    }

    /** The file name as given to the reader. */
    public String file() {
        return file;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }

    /** Path of the offending field, e.g. {@code mso.holdings[2].shares}; empty for the file as a whole. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
