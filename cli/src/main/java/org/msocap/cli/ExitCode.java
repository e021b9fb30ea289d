package org.msocap.cli;

/** The exit codes of PRODUCT.md §5, in one place. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int INVALID_MODEL = 3;
    public static final int FINDINGS = 4;

    private ExitCode() {
    }
}
