package org.msocap.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.msocap.io.VentureWriter;
import org.msocap.io.ocf.OcfImporter;
import org.msocap.io.ocf.OcfPackage;
import org.msocap.io.ocf.OcfProblem;
import org.msocap.model.Mso;
import org.msocap.model.Shown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Read an Open Cap Format (OCF) package and write a model file of its cap table.",
        description = {"Read an OCF package (a .ocf.zip, or a directory: its manifest and the files the manifest lists, nothing "
                + "else below it; - reads a .ocf.zip or one OCF file from standard input), validate every file "
                + "against the official OCF schemas, and write a model file of the MSO's cap table: people, classes, holdings, "
                + "options with vesting, warrants, SAFEs, notes and the option pool.",
                "It lists what it could not carry (with the OCF object id) and what you must add (licenses, practices, "
                + "agreements, financials). A package that does not validate is refused with one line per problem (file and "
                + "JSON pointer), exit 3, unless --lenient.",
                "The file is written to a temporary file and moved into place; an existing file is kept unless --force."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "The OCF package: FILE.ocf.zip, a directory, or - to read "
            + "it from standard input (named <stdin> in messages).")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "venture.yaml",
            description = "The model file to write (YAML; .json for JSON); - writes the YAML to standard output. "
                    + "Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Option(names = "--lenient", description = "Import what can be imported from a package that does not validate (older OCF "
            + "versions, vendor quirks): each problem becomes a warning; exit 0 when a cap table results.")
    boolean lenient;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        boolean stdin = ModelInput.isStdin(input);
        if (stdin) {
            OutputFiles.check(output, null, force);
        } else if (!Files.exists(input)) {
            // As for a model file: a FILE that is not there is a usage error, not an invalid package.
            throw new UserException("no such file or directory: " + input, ExitCode.USAGE);
        } else if (!Files.isDirectory(input) && !Files.isRegularFile(input)) {
            // A FIFO or a device would be read until it ends, perhaps never.
            throw new UserException(input + " is not a regular file or a directory", ExitCode.USAGE);
        } else {
            OutputFiles.check(output, input, force);
        }
        String source = ModelInput.name(input);
        OcfPackage pkg;
        try {
            pkg = stdin ? OcfPackage.read(ModelInput.standardInput(), source) : OcfPackage.read(input);
        } catch (UncheckedIOException e) {
            throw new UserException(e.getMessage(), ExitCode.INVALID_MODEL);
        }
        PrintWriter err = spec.commandLine().getErr();
        // Said before the import may refuse the package: a note (such as the upstream schema gap) explains some problems.
        pkg.notices().forEach(p -> err.println("msocap: note: " + Shown.escape(p.toString())));
        err.flush();
        OcfImporter.Result result = OcfImporter.importPackage(pkg, lenient);
        result.warnings().forEach(p -> err.println("msocap: warning: " + Shown.escape(p.toString())));
        err.flush();
        boolean toStdout = OutputFiles.isStdout(output);
        boolean json = !toStdout && output.getFileName().toString().toLowerCase().endsWith(".json");
        String text = json ? VentureWriter.toJson(result.venture()) : result.commentedYaml(source);
        OutputFiles.write(output, stdin ? null : input, force, stream -> stream.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        // With -o - standard output is the model file; what was imported and left out is said on standard error.
        PrintWriter out = toStdout ? err : spec.commandLine().getOut();
        Mso mso = result.venture().mso();
        out.println("imported " + Shown.escape(result.venture().name()) + ": "
                + String.join(", ", Formats.counted(result.venture().people().size(), "person", "people"),
                        Formats.counted(mso.classes().size(), "class", "classes"),
                        Formats.counted(mso.holdings().size(), "holding", "holdings"),
                        Formats.counted(mso.options().size(), "option", "options"),
                        Formats.counted(mso.warrants().size(), "warrant", "warrants"),
                        Formats.counted(mso.safes().size(), "SAFE", "SAFEs"), Formats.counted(mso.notes().size(), "note", "notes"))
                + ", option pool " + Formats.count(mso.optionPool()));
        if (!toStdout) {
            out.println("wrote " + output);
        }
        for (OcfProblem p : result.notCarried()) {
            out.println("not carried: " + Shown.escape(p.toString()));
        }
        for (String add : result.toAdd()) {
            out.println("to add: " + Shown.escape(add));
        }
        out.flush();
        return ExitCode.OK;
    }
}
