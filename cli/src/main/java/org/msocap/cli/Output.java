package org.msocap.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import org.msocap.io.Json;

/**
 * Prints a result in the chosen format: text tables, CSV (each table preceded by a {@code # title}
 * line when there are several), or a JSON document built by the command.
 */
public final class Output {

    public static final String NOT_LEGAL_ADVICE = "msocap is a modeling tool, not legal advice.";

    private Output() {
    }

    public static void print(PrintWriter out, Format format, List<Table> tables, Supplier<Object> json) {
        switch (format) {
            case JSON -> out.println(Json.write(json.get()));
            case CSV -> {
                boolean several = tables.size() > 1;
                for (Table t : tables) {
                    if (several) {
                        out.println("# " + t.title());
                    }
                    t.printCsv(out, true);
                }
            }
            case TABLE -> {
                for (int i = 0; i < tables.size(); i++) {
                    if (i > 0) {
                        out.println();
                    }
                    tables.get(i).printText(out);
                }
            }
        }
        out.flush();
    }
}
