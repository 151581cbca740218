package dev.dbtool.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.support.TestDatabases;
import dev.dbtool.core.diff.Renames;
import dev.dbtool.core.diff.SchemaChange;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.core.diff.SchemaDiffer;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.database.CatalogDump;
import dev.dbtool.generators.sql.PostgresDdl;
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
 * (Prisma 6.19, via ../shared/tools/prisma-oracle) writes for it. Prisma's DDL builds one database, dbtool's
 * changes another; their catalogs must be equal.
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
        LoadedSchema loaded = SchemaLoader.load(dir.resolve("schema.prisma"));
        assertFalse(loaded.hasErrors(), () -> loaded.diagnostics().toString());
        DbSchema target = PhysicalSchemaBuilder.build(loaded.schema());
        SchemaDiff diff = SchemaDiffer.diff(DbSchema.EMPTY, target, Renames.NONE);
        String dbtoolDb = TestDatabases.create("dbtool_" + name);
        try (Connection c = DriverManager.getConnection(dbtoolDb); Statement st = c.createStatement()) {
            for (SchemaChange change : diff.changes()) for (String sql : PostgresDdl.statements(change)) st.execute(sql);
        }
        List<String> expected = dump(prismaDb);
        assertTrue(expected.size() > 20, name + ": the Prisma database has a catalog to compare (" + expected.size() + " objects)");
        assertEquals(String.join("\n", expected), String.join("\n", dump(dbtoolDb)), name + ": catalogs differ");
    }

    static List<String> dump(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            return CatalogDump.of(c);
        }
    }
}
