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

    private QueueTables() {}

    /** Writes the changeset and includes it in the master changelog, unless it is there already. */
    static void ensure(LoadedProject project, Environment env) {
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        ChangelogFormat format = migrations.settings().format();
        String path = "changes/" + ID + "." + format.extension();
        Path file = migrations.directory().resolve(path);
        if (Files.exists(file)) return;
        try {
            AtomicFiles.write(file, SqlChangeSetWriter.writeSteps(STEPS, ID, migrations.author(env), format, path,
                    "the job queues' outbox and idempotency tables (dbtool queue-job)"));
            migrations.include(path);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write the queue tables' changeset: " + e.getMessage(), e);
        }
        env.out().println("created " + env.display(file));
    }
}
