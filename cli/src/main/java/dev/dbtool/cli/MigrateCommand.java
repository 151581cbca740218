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
        description = "Apply the pending changesets of the changelog with Liquibase. Each changeset runs in a transaction: a failing one "
                + "leaves the database as it was. Concurrent runs take turns on a lock that ends with its run's connection, so a killed run "
                + "never blocks the next; each run prints only what it applied.",
        mixinStandardHelpOptions = true,
        subcommands = {MigrateCommand.Status.class, MigrateCommand.Rollback.class, MigrateCommand.Baseline.class, MigrateCommand.Unlock.class},
        footer = {"", "Exit codes: 0 applied (or nothing pending), 1 a changeset failed, no changelog or the lock wait timed out, 2 usage, "
                + "3 database unreachable.", "",
            "Examples:",
            "  dbtool migrate                      # the embedded development database",
            "  dbtool migrate --url postgresql://app@db.internal:5432/app",
            "  dbtool migrate --dry-run            # print the SQL, change nothing",
            "  dbtool migrate status",
            "  dbtool migrate baseline             # an existing database: record the changesets as applied",
            "  dbtool migrate unlock --terminate   # end a stuck run that holds the lock",
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

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for another run's migration lock before giving up. Default: ${DEFAULT-VALUE}.")
    int lockTimeout;

    @Override
    public Integer call() {
        Environment env = root.environment;
        return withMigrator(env, schemaOption, databaseOption, this, (migrator, target) -> {
            if (dryRun) {
                env.out().print(migrator.updateSql(contexts));
                return ExitCodes.OK;
            }
            List<String> applied;
            try (StepProgress progress = new StepProgress(env, "migrate", "changesets")) {
                applied = migrator.progress(progress).update(contexts);
            } catch (MigrationException e) {
                for (String id : e.applied()) env.out().println("applied " + id);
                throw e;
            }
            if (applied.isEmpty()) {
                env.err().println("✔ Nothing to apply: " + target.description() + " is up to date.");
                return ExitCodes.OK;
            }
            for (String id : applied) env.out().println("applied " + id);
            env.err().println("✔ Applied " + applied.size() + " changeset" + (applied.size() == 1 ? "" : "s") + " to " + target.description() + ".");
            return ExitCodes.OK;
        });
    }

    interface MigratorWork {
        int run(Migrator migrator, DatabaseOption.Target target) throws MigrationException;
    }

    static int withMigrator(Environment env, SchemaOption schemaOption, DatabaseOption databaseOption, MigrateCommand parent, MigratorWork work) {
        LoadedProject project = LoadedProject.load(schemaOption, env);
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        Path master = migrations.master();
        if (!Files.exists(master)) {
            throw new UserError(ExitCodes.FINDINGS, "no changelog at " + env.display(master) + "; write one with `dbtool schema`");
        }
        try (DatabaseOption.Target target = databaseOption.open(env, project.loaded().schema(), migrations.directory().getParent())) {
            if (parent.lockTimeout < 0) throw new UserError(ExitCodes.USAGE, "--lock-timeout must be 0 or more");
            Migrator migrator = new Migrator(target.jdbcUrl(), master).lockTimeout(java.time.Duration.ofSeconds(parent.lockTimeout))
                    .notices(notice -> env.err().println(notice));
            return work.run(migrator, target);
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
            return withMigrator(env, schemaOption, databaseOption, parent, (migrator, target) -> {
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
            return withMigrator(env, schemaOption, databaseOption, parent, (migrator, target) -> {
                migrator.rollback(count, "");
                env.err().println("✔ Rolled back " + count + " changeset" + (count == 1 ? "" : "s") + " on " + target.description() + ".");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "baseline", mixinStandardHelpOptions = true,
            description = "Record pending changesets as applied without running them: the way to bring a database dbtool did not create "
                    + "under its migrations (pull, schema, baseline, then migrate as usual). Like Liquibase's changelog-sync and "
                    + "`prisma migrate resolve --applied`.",
            footer = {"", "Exit codes: 0 recorded (or nothing pending), 1 no changelog or no such pending changeset, 3 database unreachable.", "",
                "Examples:",
                "  dbtool pull --url $DATABASE_URL --out schema.prisma && dbtool schema && dbtool migrate baseline --url $DATABASE_URL",
                "  dbtool migrate baseline --through 20260101120000-init   # up to and including that changeset"})
    static final class Baseline implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;

        @Mixin SchemaOption schemaOption;

        @Mixin DatabaseOption databaseOption;

        @Option(names = "--through", paramLabel = "ID", description = "Record pending changesets up to and including this one only. Default: all pending.")
        String through;

        @Override
        public Integer call() {
            Environment env = parent.root.environment;
            return withMigrator(env, schemaOption, databaseOption, parent, (migrator, target) -> {
                List<String> recorded = migrator.baseline("!seed", through);
                for (String id : recorded) env.out().println("recorded " + id);
                env.err().println(recorded.isEmpty() ? "✔ Nothing to record: " + target.description() + " is up to date."
                        : "✔ Recorded " + recorded.size() + " changeset" + (recorded.size() == 1 ? "" : "s") + " as applied to " + target.description()
                                + " without running them; `dbtool diff` shows any difference between the schema and the database.");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Show who holds the migration lock and clear what a crashed run can leave: a Liquibase lock row (older dbtool "
                    + "versions, other Liquibase tools). With --terminate, end the session of the run that holds dbtool's lock "
                    + "(a stopped or hung process).",
            footer = {"", "Exit codes: 0 done, 1 the lock is held and --terminate was not given, 3 database unreachable.", "",
                "Examples:",
                "  dbtool migrate unlock",
                "  dbtool migrate unlock --terminate --url $DATABASE_URL"})
    static final class Unlock implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;

        @Mixin SchemaOption schemaOption;

        @Mixin DatabaseOption databaseOption;

        @Option(names = "--terminate", description = "End the session that holds the lock (pg_terminate_backend); its changeset rolls back.")
        boolean terminate;

        @Override
        public Integer call() {
            Environment env = parent.root.environment;
            return withMigrator(env, schemaOption, databaseOption, parent, (migrator, target) -> {
                Migrator.Unlock u = migrator.unlock(terminate);
                if (u.clearedRows() > 0) env.err().println("✔ Cleared " + u.clearedRows() + " Liquibase lock row" + (u.clearedRows() == 1 ? "" : "s") + ".");
                if (u.holder() == null) {
                    env.err().println("✔ No migration run holds the lock on " + target.description() + ".");
                    return ExitCodes.OK;
                }
                if (u.terminated()) {
                    env.err().println("✔ Ended the session holding the lock: " + u.holder() + "; its running changeset rolled back.");
                    return ExitCodes.OK;
                }
                env.err().println((terminate ? "error: could not end the session holding the lock: " : "A migration run holds the lock: ") + u.holder()
                        + (terminate ? " (ending another role's session needs superuser or pg_signal_backend)" : "; if it is stuck, add --terminate to end it."));
                return ExitCodes.FINDINGS;
            });
        }
    }
}
