package org.msocap.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.msocap.io.InvalidModelException;
import org.msocap.io.ocf.InvalidOcfPackageException;
import org.msocap.model.ModelException;
import org.msocap.model.Shown;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code msocap} command. Each subcommand is its own class; exit codes and error messages are
 * decided here, in one handler, so every command fails the same way.
 */
@Command(name = "msocap", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, versionProvider = Main.ManifestVersion.class,
        description = {"Model the ownership, exit and compliance of a healthcare MSO venture.",
                "msocap is a modeling tool, not legal advice."},
        subcommands = {ReportCommand.class, ValidateCommand.class, CaptableCommand.class, FeesCommand.class, WaterfallCommand.class,
                BreakpointsCommand.class, CheckCommand.class, SimulateCommand.class, SchemaCommand.class, ExportCommand.class,
                ImportCommand.class, ProformaCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid model file, 4 check findings at or above --fail-on."})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors (for bug reports).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code msocap} alone: the usage, so a new user sees the commands, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    static {
        // POI logs through the Log4j API; without a provider Log4j prints a warning on every run. Its
        // built-in simple logger, at ERROR, keeps the terminal quiet and still shows real problems.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
    }

    /**
     * Whether standard output is a terminal, as the launcher found it ({@code [ -t 1 ]}); without it (the jar run
     * directly) the console decides, which Java 17 gives only when standard input is a terminal too.
     */
    static final String STDOUT_TERMINAL = "msocap.stdout.terminal";

    public static void main(String[] args) {
        String told = System.getProperty(STDOUT_TERMINAL);
        boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        PrintWriter out = new PrintWriter(System.out, true);
        System.exit(run(args, System.in, new OutputFiles.StandardOutput(out, System.out, terminal), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; what tests call. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /** Like {@link #run(String[], PrintWriter, PrintWriter)}, with {@code in} as the standard input a FILE of - reads. */
    public static int run(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
        return run(args, in, new OutputFiles.StandardOutput(out, OutputFiles.printedTo(out), false), err);
    }

    /** The command line with standard output as {@code -o -} writes it too (bytes, and whether it is a terminal). */
    static int run(String[] args, java.io.InputStream in, OutputFiles.StandardOutput stdout, PrintWriter err) {
        PrintWriter out = stdout.text();
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        ModelInput.standardInput(in);
        OutputFiles.standardOutput(stdout);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Picocli hands only exceptions to the handler; without this the JVM printed the error's stack trace. The
            // frames that held the memory are gone by now, so there is room to say so.
            err.println("msocap: out of memory: this command needs more than the Java heap's " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB; run Java with a larger heap (-Xmx, e.g. MSOCAP_JAVA_OPTS=-Xmx8g ./msocap ..., which replaces the "
                    + "launcher's JVM options) or ask for less (fewer --runs or holders)");
            if (java.util.Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCode.INTERNAL_ERROR;
        } finally {
            ModelInput.forget();
            OutputFiles.forget();
        }
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::handleUsage);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (e.getCause() instanceof WholeNumber.OutOfRange range && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            // Picocli says "Invalid value for option '--runs': ..."; msocap names the option, its range and the value.
            err.println(shown("msocap: " + option.longestName() + " must be " + range.getMessage() + " but was " + e.getValue()));
        } else {
            err.println(shown("msocap: " + e.getMessage()));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCode.USAGE;
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = isDebug(parsed);
        int code;
        if (e instanceof InvalidOcfPackageException ocf) {
            // One line per problem, each with its file and JSON pointer, so every one can be found and fixed.
            ocf.problems().forEach(p -> err.println(shown("msocap: invalid OCF package: " + p)));
            code = ExitCode.INVALID_MODEL;
        } else if (e instanceof InvalidModelException invalid) {
            err.println(shown("msocap: invalid model: " + invalid.getMessage()));
            code = ExitCode.INVALID_MODEL;
        } else if (e instanceof ModelException model) {
            // A rule an engine enforces after loading: place it in the file when we know the file.
            var loaded = ModelInput.current();
            err.println(shown("msocap: invalid model: " + (loaded != null ? loaded.locate(model).getMessage()
                    : model.field() + ": " + model.getMessage())));
            code = ExitCode.INVALID_MODEL;
        } else if (e instanceof ArithmeticException && ModelInput.current() != null) {
            // The ranges checked on reading keep the engines inside long cents; should a combination they do not foresee
            // (e.g. a compounding dividend over centuries) still leave them, say so as a model problem, not a crash.
            err.println(shown("msocap: invalid model: " + ModelInput.current().file() + ":1:1: the model's numbers grow too large "
                    + "to compute exactly (" + e.getMessage() + "); see Limits in the README"));
            code = ExitCode.INVALID_MODEL;
        } else if (e instanceof UserException user) {
            err.println(shown("msocap: " + user.getMessage()));
            code = user.exitCode();
        } else if (e instanceof UncheckedIOException io) {
            // The environment, not a bug: an output that cannot be written (permissions, a missing directory, a full
            // disk). The message names the file.
            err.println(shown("msocap: " + io.getMessage()));
            code = ExitCode.USAGE;
        } else {
            err.println(shown("msocap: internal error: " + e) + (debug ? "" : " (run with --debug for details)"));
            code = ExitCode.INTERNAL_ERROR;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** A message as printed: it quotes file names and values, escaped and cut so none rewrites the terminal. */
    private static String shown(String message) {
        return Shown.message(message);
    }

    private static boolean isDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Version from the jar manifest, so it is set by the build, not by hand. */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"msocap " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
