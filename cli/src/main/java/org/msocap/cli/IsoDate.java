package org.msocap.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a YYYY-MM-DD date option with a message a user can act on (not Java's parser text). */
final class IsoDate implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("expected a date as YYYY-MM-DD, e.g. 2026-01-01, but was '" + value + "'");
        }
    }
}
