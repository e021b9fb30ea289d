package org.msocap.cli;

import java.util.Locale;
import org.msocap.spreadsheets.WorkbookContent;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The whole-number options and the range each allows, read so that every value outside it (0 runs, a count past what an
 * int holds, "abc") gets one message naming the option and the range: {@code --runs must be a whole number from 1 to
 * 2,147,483,647 but was 100000000000}, printed by {@link Main}'s usage handler, which knows the option's name.
 */
final class WholeNumber {

    private WholeNumber() {
    }

    /** A value outside the option's range; the message is the range ("a whole number from 1 to 2,147,483,647"). */
    static final class OutOfRange extends TypeConversionException {

        OutOfRange(long least, long most) {
            super(String.format(Locale.US, "a whole number from %,d to %,d", least, most));
        }
    }

    /** The value, or {@link OutOfRange} when it is not a whole number from {@code least} to {@code most}. */
    static long parse(String text, long least, long most) {
        long value;
        String digits = text.strip();
        // ASCII digits only, with a minus where the range goes below 0: Long.parseLong also takes a plus sign and the
        // digits of other scripts ("١٠" ran 10 runs; review).
        if (!digits.matches(least < 0 ? "-?[0-9]+" : "[0-9]+")) {
            throw new OutOfRange(least, most);
        }
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new OutOfRange(least, most);
        }
        if (value < least || value > most) {
            throw new OutOfRange(least, most);
        }
        return value;
    }

    /** Runs of a simulation: at least one; memory, not this, limits them (the simulator says how much it would need). */
    static final class Runs implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) parse(text, 1, Integer.MAX_VALUE);
        }
    }

    /**
     * Worker threads: at least one, at most 1,024. More threads than cores only wait for one another, and a mistyped
     * 100000 would start a hundred thousand threads, more than the system gives a process.
     */
    static final class Threads implements ITypeConverter<Integer> {
        static final int MOST = 1024;

        @Override
        public Integer convert(String text) {
            return (int) parse(text, 1, MOST);
        }
    }

    /** Histogram bins: at least one, at most 10,000 (each prints as a line; two billion ran out of memory). */
    static final class Bins implements ITypeConverter<Integer> {
        static final int MOST = 10_000;

        @Override
        public Integer convert(String text) {
            return (int) parse(text, 1, MOST);
        }
    }

    /** Runs written to a CSV: none or more. */
    static final class Sample implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) parse(text, 0, Integer.MAX_VALUE);
        }
    }

    /** Rows of the workbook's 'Simulation Runs' sheet: a sheet holds 1,048,576 rows, one of them the header. */
    static final class SheetRows implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) parse(text, 0, WorkbookContent.MAX_SAMPLE_ROWS);
        }
    }

    /** A random seed: any long, as in the model's {@code simulation.seed}. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return parse(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }
}
