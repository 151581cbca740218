package dev.dbtool.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code dbtool} command: only options shared by all subcommands live here. */
@Command(name = "dbtool",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "One schema file (the Prisma schema language plus dbtool's extensions) as the source of truth for PostgreSQL, GraphQL and Redis backends on the JVM.%n",
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
            "  dbtool schema && dbtool migrate   # write a migration for what changed, apply it",
            "  dbtool seed --load --count 1000   # realistic rows in every table",
            "  source <(dbtool completion bash)  # tab completion in this shell",
            "",
            "Documentation: docs/commands/<command>.md"})
public final class DbtoolCommand implements Runnable {
    /**
     * The subcommands, by name. Main registers only the one a command line names (picocli reads each command's
     * annotations when it is registered, which costs start-up time); help, completion and typos get them all.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = new java.util.LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("init", InitCommand.class);
        SUBCOMMANDS.put("validate", ValidateCommand.class);
        SUBCOMMANDS.put("format", FormatCommand.class);
        SUBCOMMANDS.put("schema", SchemaCommand.class);
        SUBCOMMANDS.put("migrate", MigrateCommand.class);
        SUBCOMMANDS.put("diff", DiffCommand.class);
        SUBCOMMANDS.put("pull", PullCommand.class);
        SUBCOMMANDS.put("seed", SeedCommand.class);
        SUBCOMMANDS.put("dev", DevCommand.class);
        SUBCOMMANDS.put("gql-type", GqlTypeCommand.class);
        SUBCOMMANDS.put("gql-query", GqlQueryCommand.class);
        SUBCOMMANDS.put("cache-setup", CacheSetupCommand.class);
        SUBCOMMANDS.put("queue-job", QueueJobCommand.class);
        SUBCOMMANDS.put("queue-worker", QueueWorkerCommand.class);
        SUBCOMMANDS.put("queue-stats", QueueStatsCommand.class);
        SUBCOMMANDS.put("queue", QueueCommand.class);
        SUBCOMMANDS.put("optimize", OptimizeCommand.class);
        SUBCOMMANDS.put("lint", LintCommand.class);
        SUBCOMMANDS.put("commit", CommitCommand.class);
        SUBCOMMANDS.put("completion", CompletionCommand.class);
        SUBCOMMANDS.put("__cds-training", CdsTrainingCommand.class);
    }

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
