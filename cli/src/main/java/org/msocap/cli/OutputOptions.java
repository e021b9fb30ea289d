package org.msocap.cli;

import picocli.CommandLine.Option;

/** {@code --format}, shared by every command that prints a result. */
public final class OutputOptions {

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Candidates.class)
    Format format = Format.TABLE;

    public Format format() {
        return format;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected table, json or csv but was '" + value + "'");
            }
        }

        static final class Candidates implements Iterable<String> {
            @Override
            public java.util.Iterator<String> iterator() {
                return java.util.List.of("table", "json", "csv").iterator();
            }
        }
    }
}
