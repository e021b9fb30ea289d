package org.msocap.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.msocap.model.Venture;
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

    /**
     * The date option's value (null when not given), refused as a usage error when it is before the model's
     * {@code asOf}: the model knows the cap table from {@code asOf} on (holdings acquired later are already in it, deal
     * events come after it), so a sale or a cap table on an earlier day would be silently wrong.
     */
    static LocalDate notBeforeAsOf(String option, LocalDate date, Venture venture) {
        if (date != null && date.isBefore(venture.asOf())) {
            throw new UserException(option + " " + date + " is before the model's asOf (" + venture.asOf()
                    + "): the model knows the cap table only from asOf on", ExitCode.USAGE);
        }
        return date;
    }
}
