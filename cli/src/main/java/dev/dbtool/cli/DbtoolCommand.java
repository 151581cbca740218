package dev.dbtool.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code dbtool} command: only options shared by all subcommands live here. */
@Command(name = "dbtool",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "One schema file (the Prisma schema language plus dbtool's extensions) as the source of truth for",
            "PostgreSQL, GraphQL and Redis backends on the JVM.", ""},
        subcommands = {InitCommand.class, ValidateCommand.class, FormatCommand.class, SchemaCommand.class, MigrateCommand.class, DiffCommand.class, PullCommand.class,
            CompletionCommand.class, CdsTrainingCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  findings: validation errors, files that need formatting, …",
            "  2  usage: bad options, no schema found",
            "  3  environment: a file or database that cannot be read or written",
            "",
            "Examples:",
            "  dbtool init                       # write a starter schema.prisma",
            "  dbtool validate                   # check ./schema.prisma",
            "  dbtool format --check             # CI: fail when the schema is not formatted",
            "  source <(dbtool completion bash)  # tab completion in this shell",
            "",
            "Documentation: docs/commands/<command>.md"})
public final class DbtoolCommand implements Runnable {
    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of internal errors.")
    boolean verbose;

    Environment environment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
