package dev.dbtool.cli;

import dev.dbtool.database.migrate.MigrationException;
import dev.dbtool.database.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate",
        description = "Apply the pending changesets of the changelog with Liquibase. Each changeset runs in a transaction: a failing one leaves the database as it was. Concurrent runs take turns (an advisory lock, then Liquibase's lock).",
        mixinStandardHelpOptions = true,
        subcommands = {MigrateCommand.Status.class, MigrateCommand.Rollback.class},
        footer = {"", "Exit codes: 0 applied (or nothing pending), 1 a changeset failed or there is no changelog, 2 usage, "
                + "3 database unreachable.", "",
            "Examples:",
            "  dbtool migrate                      # the embedded development database",
            "  dbtool migrate --url postgresql://app@db.internal:5432/app",
            "  dbtool migrate --dry-run            # print the SQL, change nothing",
            "  dbtool migrate status",
            "  dbtool migrate rollback --count 1"})
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Mixin DatabaseOption databaseOption;

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing.")
    boolean dryRun;

    @Option(names = "--contexts", paramLabel = "LIST", defaultValue = "!seed",
            description = "Liquibase contexts to run. Default: ${DEFAULT-VALUE} (everything but seed data); `--contexts seed` loads seed data too.")
    String contexts;

    @Override
    public Integer call() {
        Environment env = root.environment;
        return withMigrator(env, schemaOption, databaseOption, (migrator, target) -> {
            if (dryRun) {
                env.out().print(migrator.updateSql(contexts));
                return ExitCodes.OK;
            }
            List<String> pending = migrator.pending(contexts);
            if (pending.isEmpty()) {
                env.err().println("✔ Nothing to apply: " + target.description() + " is up to date.");
                return ExitCodes.OK;
            }
            migrator.update(contexts);
            for (String id : pending) env.out().println("applied " + id);
            env.err().println("✔ Applied " + pending.size() + " changeset" + (pending.size() == 1 ? "" : "s") + " to " + target.description() + ".");
            return ExitCodes.OK;
        });
    }

    interface MigratorWork {
        int run(Migrator migrator, DatabaseOption.Target target) throws MigrationException;
    }

    static int withMigrator(Environment env, SchemaOption schemaOption, DatabaseOption databaseOption, MigratorWork work) {
        LoadedProject project = LoadedProject.load(schemaOption, env);
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        Path master = migrations.master();
        if (!Files.exists(master)) {
            throw new UserError(ExitCodes.FINDINGS, "no changelog at " + env.display(master) + "; write one with `dbtool schema`");
        }
        try (DatabaseOption.Target target = databaseOption.open(env, project.loaded().schema(), migrations.directory().getParent())) {
            return work.run(new Migrator(target.jdbcUrl(), master), target);
        } catch (MigrationException e) {
            throw new UserError(e.isConnectionProblem() ? ExitCodes.ENVIRONMENT : ExitCodes.FINDINGS, e.getMessage(), e);
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw new UserError(ExitCodes.ENVIRONMENT, e.getMessage(), e);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "List the changesets not yet applied.",
            footer = {"", "Exit codes: 0 listed, 1 no changelog, 3 database unreachable.", "", "Examples:", "  dbtool migrate status --url $DATABASE_URL",
                "  dbtool migrate status --format json"})
    static final class Status implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;

        @Mixin SchemaOption schemaOption;

        @Mixin DatabaseOption databaseOption;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Report format. Default: ${DEFAULT-VALUE}.")
        OutputFormat format;

        @Override
        public Integer call() {
            Environment env = parent.root.environment;
            return withMigrator(env, schemaOption, databaseOption, (migrator, target) -> {
                List<String> pending = migrator.pending("!seed");
                if (format == OutputFormat.json) {
                    env.out().print(JsonReport.of(g -> {
                        g.writeStartObject();
                        g.writeBooleanField("upToDate", pending.isEmpty());
                        g.writeArrayFieldStart("pending");
                        for (String id : pending) g.writeString(id);
                        g.writeEndArray();
                        g.writeEndObject();
                    }));
                    return ExitCodes.OK;
                }
                for (String id : pending) env.out().println("pending " + id);
                env.err().println(pending.isEmpty() ? "✔ " + target.description() + " is up to date."
                        : pending.size() + " pending changeset" + (pending.size() == 1 ? "" : "s") + " for " + target.description() + ".");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Roll back the last N applied changesets (each changeset carries its rollback).",
            footer = {"", "Exit codes: 0 rolled back, 1 a rollback failed or no changelog, 2 usage, 3 database unreachable.", "",
                "Example:", "  dbtool migrate rollback --count 1"})
    static final class Rollback implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;

        @Mixin SchemaOption schemaOption;

        @Mixin DatabaseOption databaseOption;

        @Option(names = "--count", required = true, paramLabel = "N", description = "How many changesets to roll back.")
        int count;

        @Override
        public Integer call() {
            Environment env = parent.root.environment;
            if (count < 1) throw new UserError(ExitCodes.USAGE, "--count must be at least 1");
            return withMigrator(env, schemaOption, databaseOption, (migrator, target) -> {
                migrator.rollback(count, "");
                env.err().println("✔ Rolled back " + count + " changeset" + (count == 1 ? "" : "s") + " on " + target.description() + ".");
                return ExitCodes.OK;
            });
        }
    }
}
