package dev.dbtool.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.support.TestDatabases;
import dev.dbtool.core.diff.Renames;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.core.diff.SchemaDiffer;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.database.migrate.Migrator;
import dev.dbtool.generators.liquibase.ChangeSetWriter;
import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.MasterChangelog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each folder under {@code conformance/} holds a schema and {@code expected.sql}, the DDL {@code prisma migrate}
 * (Prisma 6.19, via ../shared/tools/prisma-oracle) writes for it. Prisma's DDL builds one database; dbtool's
 * changelog, in each format, applied by Liquibase builds another: their catalogs must be equal. Rolling the
 * changeset back must leave an empty database, and applying it again the same catalog.
 */
class PrismaConformanceTest {
    static final Path DIR = Path.of("src/test/resources/conformance");

    @TestFactory
    Stream<DynamicTest> sameCatalogAsPrisma() throws Exception {
        try (Stream<Path> dirs = Files.list(DIR)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream()
                    .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
        }
    }

    private static void check(Path dir) throws Exception {
        String name = dir.getFileName().toString();
        String prismaDb = TestDatabases.create("prisma_" + name);
        try (Connection c = DriverManager.getConnection(prismaDb); Statement st = c.createStatement()) {
            st.execute(Files.readString(dir.resolve("expected.sql")));
        }
        List<String> expected = dump(prismaDb);
        assertTrue(expected.size() > 20, name + ": the Prisma database has a catalog to compare (" + expected.size() + " objects)");
        LoadedSchema loaded = SchemaLoader.load(dir.resolve("schema.prisma"));
        assertFalse(loaded.hasErrors(), () -> loaded.diagnostics().toString());
        SchemaDiff diff = SchemaDiffer.diff(DbSchema.EMPTY, PhysicalSchemaBuilder.build(loaded.schema()), Renames.NONE);
        for (ChangelogFormat format : ChangelogFormat.values()) {
            String db = TestDatabases.create("dbtool_" + name + "_" + format);
            List<String> empty = dump(db);
            Path changelog = Files.createTempDirectory("changelog");
            String file = "changes/0001-init." + format.extension();
            Files.createDirectories(changelog.resolve("changes"));
            Files.writeString(changelog.resolve(file), ChangeSetWriter.write(diff, "0001-init", "conformance", format, file));
            Path master = changelog.resolve("master." + format.masterExtension());
            Files.writeString(master, MasterChangelog.append(MasterChangelog.empty(format), format, file));
            Migrator migrator = new Migrator(db, master);
            migrator.update("");
            assertEquals(String.join("\n", expected), String.join("\n", dump(db)), name + " (" + format + "): catalogs differ");
            migrator.rollback(1, "");
            assertEquals(String.join("\n", empty), String.join("\n", dump(db)), name + " (" + format + "): rollback leaves the database empty");
            migrator.update("");
            assertEquals(String.join("\n", expected), String.join("\n", dump(db)), name + " (" + format + "): re-applied after rollback");
        }
    }

    static List<String> dump(String url) throws Exception { return TestDatabases.dump(url); }
}
