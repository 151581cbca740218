package dev.dbtool.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: wires picocli to the environment, maps failures to DESIGN.md's exit codes and one-line errors. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Environment env = new Environment(Path.of("").toAbsolutePath(), System.getenv(), out, err, System.console() != null);
        int code = run(env, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; never throws. */
    public static int run(Environment env, String... args) {
        DbtoolCommand root = new DbtoolCommand();
        root.environment = env;
        CommandLine cl = new CommandLine(root);
        String named = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        boolean one = named != null && DbtoolCommand.SUBCOMMANDS.containsKey(named) && !named.equals("completion") && !named.equals("__cds-training");
        for (var e : DbtoolCommand.SUBCOMMANDS.entrySet()) {
            if (!one || e.getKey().equals(named)) cl.addSubcommand(e.getKey(), e.getValue());
        }
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(env.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> t instanceof UserError u ? u.exitCode() : ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            env.err().println("error: " + Redaction.of(ex.getMessage()));
            env.err().println("Run `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help` for usage.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError u) {
                String message = Redaction.of(u.getMessage());
                env.err().println(message.matches("^\\S+:\\d+:\\d+: error: .*") ? message : "error: " + message);
                if (root.verbose && u.getCause() != null) u.getCause().printStackTrace(env.err());
                return u.exitCode();
            }
            env.err().println("error: internal error: " + Redaction.of(String.valueOf(ex)) + (root.verbose ? "" : " (run with --verbose for the stack trace; please report it)"));
            if (root.verbose) ex.printStackTrace(env.err());
            return ExitCodes.INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (Throwable t) { // picocli hands on Errors (a StackOverflowError, OutOfMemoryError): one line, still exit 70
            env.err().println("error: internal error: " + Redaction.of(String.valueOf(t)) + (root.verbose ? "" : " (run with --verbose for the stack trace; please report it)"));
            if (root.verbose) t.printStackTrace(env.err());
            return ExitCodes.INTERNAL;
        }
    }

    /** For tests and embedding: the process environment with the given working directory. */
    static Environment environment(Path cwd, Map<String, String> vars, PrintWriter out, PrintWriter err) {
        return new Environment(cwd, vars, out, err, false);
    }
}
