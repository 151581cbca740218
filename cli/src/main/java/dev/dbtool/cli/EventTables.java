package dev.dbtool.cli;

import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.SqlChangeSetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The changeset of the table subscriptions keep deleted rows' last versions in (created and updated rows travel in the
 * notification itself), written into the migrations folder the first time a subscription field is generated.
 */
final class EventTables {
    static final String ID = "dbtool-events-table";
    static final List<String[]> STEPS = List.<String[]>of(
            new String[] {"CREATE TABLE \"dbtool_events\" (\"id\" BIGSERIAL PRIMARY KEY, \"batch\" UUID NOT NULL, \"type\" TEXT NOT NULL, \"row\" JSONB NOT NULL, "
                    + "\"at\" TIMESTAMPTZ NOT NULL DEFAULT now())", "DROP TABLE \"dbtool_events\""},
            new String[] {"CREATE INDEX \"dbtool_events_batch_idx\" ON \"dbtool_events\" (\"batch\")", "DROP INDEX \"dbtool_events_batch_idx\""},
            new String[] {"CREATE INDEX \"dbtool_events_at_idx\" ON \"dbtool_events\" (\"at\")", "DROP INDEX \"dbtool_events_at_idx\""});

    private EventTables() {}

    /** Writes the changeset and includes it in the master changelog, unless it is there already. */
    static void ensure(LoadedProject project, Environment env) {
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        ChangelogFormat format = migrations.settings().format();
        String path = "changes/" + ID + "." + format.extension();
        Path file = migrations.directory().resolve(path);
        if (Files.exists(file)) return;
        try {
            AtomicFiles.write(file, SqlChangeSetWriter.writeSteps(STEPS, ID, migrations.author(env), format, path,
                    "deleted rows' last versions for subscriptions (dbtool gql-query …Events)"));
            migrations.include(path);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write the events table's changeset: " + e.getMessage(), e);
        }
        env.out().println("created " + env.display(file));
    }
}
