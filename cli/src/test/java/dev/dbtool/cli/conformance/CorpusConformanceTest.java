package dev.dbtool.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.cli.support.Corpus;
import dev.dbtool.cli.support.TestDatabases;
import dev.dbtool.core.diff.Renames;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.core.diff.SchemaDiffer;
import dev.dbtool.core.format.FileFormatter;
import dev.dbtool.core.format.FormattedFile;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.core.physical.RequiredExtensions;
import dev.dbtool.core.source.SourceFile;
import dev.dbtool.database.migrate.Migrator;
import dev.dbtool.generators.liquibase.ChangeSetWriter;
import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.MasterChangelog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Prisma parity on real projects' schemas ({@link Corpus}): for each one, dbtool validates it without errors, formats
 * it byte for byte as {@code prisma format} did, and builds with its own Liquibase changelog the very catalog that
 * Prisma's DDL builds; {@code dbtool pull} of Prisma's database gives a schema that builds the same catalog again, and
 * {@code dbtool diff} finds no drift between Prisma's database and the schema. Extensions a schema needs without
 * declaring them (Prisma leaves them to the user) are created first in both databases; a schema whose extensions this
 * server lacks, or whose {@code expected.sql} does not apply at all, says so and skips the database steps.
 */
class CorpusConformanceTest {
    @TestFactory
    Stream<DynamicNode> realWorldSchemas() throws Exception {
        List<Path> dirs = Corpus.schemas();
        if (dirs.isEmpty()) {
            System.out.println("CorpusConformanceTest skipped: " + Corpus.whyMissing());
            Assumptions.abort(Corpus.whyMissing());
        }
        List<DynamicNode> out = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            Path dir = dirs.get(i);
            ChangelogFormat format = ChangelogFormat.values()[i % ChangelogFormat.values().length];
            String name = dir.getFileName().toString();
            out.add(DynamicContainer.dynamicContainer(name, Stream.of(
                    DynamicTest.dynamicTest("validate", () -> validate(dir)),
                    DynamicTest.dynamicTest("format", () -> format(dir)),
                    DynamicTest.dynamicTest("build (" + format + "), pull, diff", () -> database(dir, format)))));
        }
        return out.stream();
    }

    private static LoadedSchema load(Path dir) throws java.io.IOException {
        return SchemaLoader.load(dir.resolve("schema.prisma"));
    }

    private static void validate(Path dir) throws java.io.IOException {
        LoadedSchema loaded = load(dir);
        assertTrue(!loaded.hasErrors(), () -> loaded.diagnostics().toString());
    }

    private static void format(Path dir) throws Exception {
        FormattedFile f = FileFormatter.format(new SourceFile(dir.resolve("schema.prisma").toString(), Files.readString(dir.resolve("schema.prisma"))));
        assertEquals(Files.readString(dir.resolve("expected.formatted.prisma")), f.formatted(), dir.getFileName() + ": differs from prisma format");
    }

    private static void database(Path dir, ChangelogFormat format) throws Exception {
        String name = dir.getFileName().toString();
        LoadedSchema loaded = load(dir);
        Assumptions.assumeFalse(loaded.hasErrors(), "does not validate");
        DbSchema target = PhysicalSchemaBuilder.build(loaded.schema());
        Set<String> extensions = RequiredExtensions.of(target);

        String prismaDb = TestDatabases.create("corpus_prisma_" + name);
        String missing = missingExtensions(prismaDb, extensions);
        if (missing != null) {
            System.out.println("CorpusConformanceTest " + name + ": database steps skipped: this server lacks the extension(s) " + missing);
            Assumptions.abort("the server lacks " + missing);
        }
        createExtensions(prismaDb, extensions);
        try (Connection c = DriverManager.getConnection(prismaDb); Statement st = c.createStatement()) {
            st.execute(Files.readString(dir.resolve("expected.sql")));
        } catch (SQLException e) {
            System.out.println("CorpusConformanceTest " + name + ": database steps skipped: Prisma's own DDL does not apply: " + e.getMessage());
            Assumptions.abort("expected.sql does not apply: " + e.getMessage());
        }
        List<String> expected = TestDatabases.dump(prismaDb);

        // build: dbtool's changelog, applied by Liquibase
        String dbtoolDb = TestDatabases.create("corpus_dbtool_" + name);
        createExtensions(dbtoolDb, extensions);
        SchemaDiff diff = SchemaDiffer.diff(DbSchema.EMPTY, target, Renames.NONE);
        Path changelog = Files.createTempDirectory("corpus-changelog");
        String file = "changes/0001-init." + format.extension();
        Files.createDirectories(changelog.resolve("changes"));
        Files.writeString(changelog.resolve(file), ChangeSetWriter.write(diff, "0001-init", "corpus", format, file));
        Path master = changelog.resolve("master." + format.masterExtension());
        Files.writeString(master, MasterChangelog.append(MasterChangelog.empty(format), format, file));
        new Migrator(dbtoolDb, master).update("");
        assertEquals(String.join("\n", expected), String.join("\n", TestDatabases.dump(dbtoolDb)), name + ": dbtool's migration builds another catalog");

        // pull: Prisma's database read back into a schema, which builds the same catalog
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Path.of("."), Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), false);
        assertEquals(0, Main.run(env, "pull", "--url", prismaDb), err.toString());
        LoadedSchema pulled = SchemaLoader.load("pulled.prisma", out.toString());
        assertTrue(!pulled.hasErrors(), () -> pulled.diagnostics() + "\n" + out);
        String pulledDb = TestDatabases.create("corpus_pulled_" + name);
        createExtensions(pulledDb, extensions);
        TestDatabases.build(pulledDb, PhysicalSchemaBuilder.build(pulled.schema()));
        assertEquals(String.join("\n", expected), String.join("\n", TestDatabases.dump(pulledDb)), name + ": the pulled schema builds another catalog");

        // diff: no drift between Prisma's database and the schema
        StringWriter diffOut = new StringWriter();
        StringWriter diffErr = new StringWriter();
        Environment diffEnv = new Environment(dir, Map.of(), new PrintWriter(diffOut, true), new PrintWriter(diffErr, true), false);
        assertEquals(0, Main.run(diffEnv, "diff", "--url", prismaDb, "--schema", dir.resolve("schema.prisma").toString()),
                name + ": drift reported\n" + diffOut + diffErr);
    }

    /** The extensions this server cannot create, or null. */
    private static String missingExtensions(String url, Set<String> wanted) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String e : wanted) {
            String found = TestDatabases.query(url, "SELECT name FROM pg_available_extensions WHERE name = '" + e.replace("'", "''") + "'");
            if (found == null) missing.add(e);
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }

    private static void createExtensions(String url, Set<String> extensions) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String e : extensions) st.execute("CREATE EXTENSION IF NOT EXISTS \"" + e.replace("\"", "\"\"") + "\"");
        }
    }
}
