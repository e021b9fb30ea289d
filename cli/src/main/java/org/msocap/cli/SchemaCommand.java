package org.msocap.cli;

import java.util.concurrent.Callable;
import org.msocap.io.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Print the JSON Schema of the model file format.",
        description = {"Print the JSON Schema of the model file format.",
                "Save it and point your editor at it, e.g. in a YAML file:",
                "  # yaml-language-server: $schema=./msocap.schema.json"})
public final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Schema.text());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
