package dev.dbtool.cli;

import dev.dbtool.core.diff.Renames;
import dev.dbtool.core.diff.SchemaChange;
import dev.dbtool.core.diff.SchemaDiffer;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.core.physical.RequiredExtensions;
import dev.dbtool.core.physical.SqlNames;
import dev.dbtool.database.CatalogDrift;
import dev.dbtool.database.CatalogDump;
import dev.dbtool.database.embedded.EmbeddedServer;
import dev.dbtool.generators.liquibase.Snapshot;
import dev.dbtool.generators.sql.PostgresDdl;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "diff",
        description = "Report drift between a live database and the schema: the schema is built in a throwaway shadow database (an embedded PostgreSQL) and the two catalogs are compared object by object. Hand edits of the changelog, changes made outside migrations and migrations not yet applied all show up.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 no drift, 1 drift found (a CI gate), 2 usage, 3 database unreachable.", "",
            "Examples:",
            "  dbtool diff --url $DATABASE_URL",
            "  dbtool diff --format json"})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Mixin DatabaseOption databaseOption;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Report format. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Override
    public Integer call() {
        Environment env = root.environment;
        LoadedProject project = LoadedProject.load(schemaOption, env);
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        DbSchema target = PhysicalSchemaBuilder.build(project.loaded().schema());
        List<String> live;
        String described;
        String currentSchema;
        try (DatabaseOption.Target db = databaseOption.open(env, project.loaded().schema(), migrations.directory().getParent());
             Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            live = CatalogDump.of(c);
            currentSchema = c.getSchema();
            described = db.description();
        } catch (SQLException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot read the database: " + e.getMessage(), e);
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw new UserError(ExitCodes.ENVIRONMENT, e.getMessage(), e);
        }
        List<String> wanted = shadowCatalog(target, currentSchema);
        CatalogDrift drift = CatalogDrift.compare(live, wanted);
        List<String> unwritten = unwrittenChanges(migrations, target);
        if (format == OutputFormat.json) env.out().print(json(drift, unwritten));
        else text(drift, unwritten, described, env);
        return drift.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The catalog the schema describes, read back from a throwaway embedded database. */
    private static List<String> shadowCatalog(DbSchema target, String currentSchema) {
        try (EmbeddedServer shadow = EmbeddedServer.startTemporary();
             Connection c = DriverManager.getConnection(shadow.jdbcUrl("postgres")); Statement st = c.createStatement()) {
            if (currentSchema != null && !currentSchema.equals(PhysicalSchemaBuilder.DEFAULT_SCHEMA)) {
                st.execute("CREATE SCHEMA IF NOT EXISTS \"" + currentSchema.replace("\"", "\"\"") + "\"");
                c.setSchema(currentSchema);
            }
            // Extensions the schema's types and operator classes need but does not declare (Prisma leaves them to the
            // user): the live database has them, so the shadow gets them too where this server ships them.
            for (String ext : RequiredExtensions.of(target)) {
                if (available(c, ext)) st.execute("CREATE EXTENSION IF NOT EXISTS " + SqlNames.quote(ext));
            }
            for (String sql : PostgresDdl.createAll(target)) st.execute(sql);
            if (currentSchema != null && !currentSchema.equals(PhysicalSchemaBuilder.DEFAULT_SCHEMA)) {
                st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            }
            return CatalogDump.of(c);
        } catch (SQLException e) {
            throw new UserError(ExitCodes.FINDINGS, "the schema does not build in the shadow database: " + e.getMessage(), e);
        }
    }

    private static boolean available(Connection c, String extension) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_available_extensions WHERE name = ?")) {
            ps.setString(1, extension);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Schema changes that no changeset holds yet (the snapshot is behind the schema). */
    private static List<String> unwrittenChanges(Migrations migrations, DbSchema target) {
        try {
            DbSchema last = Files.exists(migrations.snapshot()) ? Snapshot.read(Files.readString(migrations.snapshot())) : DbSchema.EMPTY;
            return SchemaDiffer.diff(last, target, Renames.NONE).changes().stream().map(SchemaChange::describe).toList();
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static void text(CatalogDrift drift, List<String> unwritten, String described, Environment env) {
        if (drift.isEmpty()) env.err().println("✔ No drift: " + described + " matches the schema.");
        else {
            env.out().println("Drift between " + described + " and the schema:");
            for (String s : drift.onlyInSchema()) env.out().println("  missing from the database: " + s);
            for (String s : drift.onlyInDatabase()) env.out().println("  not in the schema:         " + s);
            for (CatalogDrift.Changed c : drift.changed()) {
                env.out().println("  differs:                   " + c.object() + "\n      database: " + c.database() + "\n      schema:   " + c.schema());
            }
        }
        if (!unwritten.isEmpty()) {
            env.err().println("Not yet in a changeset (run `dbtool schema`): " + String.join("; ", unwritten));
        }
    }

    private static String json(CatalogDrift drift, List<String> unwritten) {
        return JsonReport.of(g -> {
            g.writeStartObject();
            g.writeBooleanField("drift", !drift.isEmpty());
            g.writeArrayFieldStart("missingFromDatabase");
            for (String s : drift.onlyInSchema()) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("notInSchema");
            for (String s : drift.onlyInDatabase()) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("differs");
            for (CatalogDrift.Changed c : drift.changed()) {
                g.writeStartObject();
                g.writeStringField("object", c.object());
                g.writeStringField("database", c.database());
                g.writeStringField("schema", c.schema());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notYetInAChangeset");
            for (String s : unwritten) g.writeString(s);
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
