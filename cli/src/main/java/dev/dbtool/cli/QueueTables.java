package dev.dbtool.cli;

import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.SqlChangeSetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The changeset of the job queues' two tables (the transactional outbox, the idempotency record), written into the
 * migrations folder the first time a job is generated, and never again.
 */
final class QueueTables {
    static final String ID = "dbtool-job-queue-tables";
    static final List<String[]> STEPS = List.of(
            new String[] {"CREATE TABLE \"dbtool_job_outbox\" (\"id\" BIGSERIAL PRIMARY KEY, \"queue\" TEXT NOT NULL, \"job_id\" TEXT, \"payload\" TEXT NOT NULL, "
                    + "\"delay_ms\" BIGINT NOT NULL DEFAULT 0, \"priority\" INTEGER NOT NULL DEFAULT 0, \"created_at\" TIMESTAMPTZ NOT NULL DEFAULT now())",
                "DROP TABLE \"dbtool_job_outbox\""},
            new String[] {"CREATE TABLE \"dbtool_processed_jobs\" (\"queue\" TEXT NOT NULL, \"job_id\" TEXT NOT NULL, \"processed_at\" TIMESTAMPTZ NOT NULL DEFAULT now(), "
                    + "PRIMARY KEY (\"queue\", \"job_id\"))",
                "DROP TABLE \"dbtool_processed_jobs\""});

    /** The outbox rows' job type (a queue may carry several), added after the tables were first written. */
    static final String TYPE_ID = "dbtool-job-outbox-type";
    static final List<String[]> TYPE_STEPS = List.<String[]>of(
            new String[] {"ALTER TABLE \"dbtool_job_outbox\" ADD COLUMN \"job_type\" TEXT", "ALTER TABLE \"dbtool_job_outbox\" DROP COLUMN \"job_type\""});

    private QueueTables() {}

    /** Writes the changesets and includes them in the master changelog, each unless it is there already. */
    static void ensure(LoadedProject project, Environment env) {
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        write(migrations, env, ID, STEPS, "the job queues' outbox and idempotency tables (dbtool queue-job)");
        write(migrations, env, TYPE_ID, TYPE_STEPS, "the job type of outbox rows, for queues shared by several job types (dbtool queue-job)");
    }

    private static void write(Migrations migrations, Environment env, String id, List<String[]> steps, String comment) {
        ChangelogFormat format = migrations.settings().format();
        String path = "changes/" + id + "." + format.extension();
        Path file = migrations.directory().resolve(path);
        if (Files.exists(file)) return;
        try {
            AtomicFiles.write(file, SqlChangeSetWriter.writeSteps(steps, id, migrations.author(env), format, path, comment));
            migrations.include(path);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write the queue tables' changeset: " + e.getMessage(), e);
        }
        env.out().println("created " + env.display(file));
    }
}
