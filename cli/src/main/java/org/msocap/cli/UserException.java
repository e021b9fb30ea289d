package org.msocap.cli;

/** A problem the user can fix (a missing file, an output that exists): printed as one line, no stack trace. */
public final class UserException extends RuntimeException {

    private final int exitCode;

    public UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
