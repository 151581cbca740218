package dev.dbtool.generators.liquibase;

import dev.dbtool.core.diff.Renames;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.core.diff.SchemaDiffer;
import dev.dbtool.core.diff.ScopedTarget;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import java.time.Instant;

/**
 * Schema × the state after the last changeset → the next changeset (or none, when nothing changed). With a model
 * named, only that model's table and what it needs are migrated; the rest waits for a later changeset.
 */
public final class ChangesetPlanner {
    private ChangesetPlanner() {}

    public record Request(Schema schema, DbSchema previous, String existingMaster, Renames renames, String model, String name,
                          String author, Instant now, LiquibaseSettings settings) {}

    /** The diff alone (for refusing data loss before anything is written); empty when nothing changed. */
    public static SchemaDiff diff(Request r) {
        return SchemaDiffer.diff(r.previous(), target(r), r.renames());
    }

    public static PlannedChangeset plan(Request r, SchemaDiff diff) {
        DbSchema target = target(r);
        ChangelogFormat format = r.settings().format();
        String id = ChangeSetIds.of(r.now(), ChangeSetIds.slugFor(r.name(), r.model(), diff.changes()));
        String path = "changes/" + id + "." + format.extension();
        String text = ChangeSetWriter.write(diff, id, r.author(), format, path);
        String master = MasterChangelog.append(r.existingMaster() != null ? r.existingMaster() : MasterChangelog.empty(format), format, path);
        return new PlannedChangeset(id, diff, path, text, master, target, Snapshot.write(target));
    }

    private static DbSchema target(Request r) {
        DbSchema full = PhysicalSchemaBuilder.build(r.schema());
        if (r.model() == null) return full;
        Model m = r.schema().model(r.model()).orElseThrow(() -> new IllegalArgumentException("no model " + r.model()));
        String schema = m.schema() == null || m.schema().equals(PhysicalSchemaBuilder.DEFAULT_SCHEMA) ? null : m.schema();
        return ScopedTarget.of(r.previous(), full, schema, m.tableName());
    }
}
