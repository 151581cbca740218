package dev.dbtool.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.core.diff.Renames;
import dev.dbtool.core.diff.SchemaChange;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.core.diff.SchemaDiffer;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.database.CatalogDump;
import dev.dbtool.database.embedded.EmbeddedServer;
import dev.dbtool.database.migrate.Migrator;
import dev.dbtool.generators.liquibase.Snapshot;
import dev.dbtool.generators.sql.PostgresDdl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blog's committed changelog is up to date with its schema and builds exactly what the schema describes. */
class BlogMigrationsTest {
    static final Path BLOG = RepositorySchemasTest.ROOT.resolve("examples/blog");

    @Test
    void changelogIsCurrentAndAppliesToTheSchemasCatalog() throws Exception {
        DbSchema wanted = PhysicalSchemaBuilder.build(SchemaLoader.load(BLOG.resolve("schema.prisma")).schema());
        DbSchema snapshot = Snapshot.read(Files.readString(BLOG.resolve("migrations/dbtool-snapshot.json")));
        SchemaDiff pending = SchemaDiffer.diff(snapshot, wanted, Renames.NONE);
        assertTrue(pending.isEmpty(), () -> "run `dbtool schema --schema examples/blog/schema.prisma`: "
                + pending.changes().stream().map(SchemaChange::describe).toList());
        try (EmbeddedServer pg = EmbeddedServer.startTemporary()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres")); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE migrated");
                st.execute("CREATE DATABASE fresh");
            }
            new Migrator(pg.jdbcUrl("migrated"), BLOG.resolve("migrations/changelog.yaml")).update("");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("fresh")); Statement st = c.createStatement()) {
                for (String sql : PostgresDdl.createAll(wanted)) st.execute(sql);
            }
            assertEquals(dump(pg.jdbcUrl("fresh")), dump(pg.jdbcUrl("migrated")));
        }
    }

    static List<String> dump(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            return CatalogDump.of(c);
        }
    }
}
