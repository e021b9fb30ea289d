package org.msocap.cli;

/** How a result is printed. */
public enum Format {
    TABLE, JSON, CSV
}
