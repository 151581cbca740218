package dev.dbtool.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.cli.support.TestDatabases;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code dbtool pull} on each conformance database (built by Prisma's own DDL) gives a schema that validates, formats
 * to itself, and migrates to the same catalog.
 */
class PullRoundTripTest {
    @TestFactory
    Stream<DynamicTest> pullMigratesToTheSameCatalog() throws Exception {
        try (Stream<Path> dirs = Files.list(PrismaConformanceTest.DIR)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream()
                    .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
        }
    }

    private static void check(Path dir) throws Exception {
        String name = dir.getFileName().toString();
        String original = TestDatabases.create("pull_" + name);
        try (Connection c = DriverManager.getConnection(original); Statement st = c.createStatement()) {
            st.execute(Files.readString(dir.resolve("expected.sql")));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Path.of("."), Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), false);
        assertEquals(0, Main.run(env, "pull", "--url", original), err.toString());
        String pulled = out.toString();
        LoadedSchema loaded = SchemaLoader.load("pulled.prisma", pulled);
        assertFalse(loaded.hasErrors(), () -> loaded.diagnostics() + "\n" + pulled);
        assertEquals(pulled, dev.dbtool.core.format.FileFormatter.format(new dev.dbtool.core.source.SourceFile("p", pulled)).formatted(), "formatted");
        String copy = TestDatabases.create("pulled_" + name);
        TestDatabases.build(copy, PhysicalSchemaBuilder.build(loaded.schema()));
        assertEquals(String.join("\n", PrismaConformanceTest.dump(original)), String.join("\n", PrismaConformanceTest.dump(copy)),
                name + ": pulled schema builds a different catalog\n" + pulled);
    }

    @org.junit.jupiter.api.Test
    void outWritesAFileAndNeverReplacesOneSilently(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String url = TestDatabases.create("pull_out");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"Thing\" (id SERIAL PRIMARY KEY, name TEXT NOT NULL)");
        }
        Environment env = new Environment(dir, Map.of(), new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), false);
        assertEquals(0, Main.run(env, "pull", "--url", url, "--out", "schema.prisma"));
        String text = Files.readString(dir.resolve("schema.prisma"));
        assertTrue(text.contains("model Thing {\n  id   Int    @id @default(autoincrement())\n  name String\n}"), text);
        Files.writeString(dir.resolve("schema.prisma"), "// mine\n");
        assertEquals(1, Main.run(env, "pull", "--url", url, "--out", "schema.prisma"));
        assertEquals("// mine\n", Files.readString(dir.resolve("schema.prisma")));
        assertEquals(0, Main.run(env, "pull", "--url", url, "--out", "schema.prisma", "--force"));
        assertEquals(text, Files.readString(dir.resolve("schema.prisma")));
    }
}
