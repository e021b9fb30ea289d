package org.msocap.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.msocap.model.Venture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check a model file against the format and the model's invariants.",
        description = {"Read a model file and check it against the format and the model's invariants.",
                "Exit code 0 when valid, 3 with one message naming file, line, column and field when not."})
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Venture v = input.read();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("people", v.people().size());
        counts.put("classes", v.mso().classes().size());
        counts.put("holdings", v.mso().holdings().size());
        counts.put("options", v.mso().options().size());
        counts.put("warrants", v.mso().warrants().size());
        counts.put("safes", v.mso().safes().size());
        counts.put("notes", v.mso().notes().size());
        counts.put("practices", v.practices().size());
        counts.put("agreements", v.agreements().size());
        counts.put("exits", v.exits().size());
        if (!v.events().isEmpty()) {
            counts.put("events", v.events().size());
        }
        Table t = new Table(input.name() + ": valid (" + v.name() + ", as of " + v.asOf() + ")").left("section").right("count");
        counts.forEach(t::row);
        Output.print(spec.commandLine().getOut(), output.format(), List.of(t), () -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", input.name());
            json.put("valid", true);
            json.put("venture", v.name());
            json.put("asOf", v.asOf().toString());
            json.put("counts", counts);
            return json;
        });
        return ExitCode.OK;
    }
}
