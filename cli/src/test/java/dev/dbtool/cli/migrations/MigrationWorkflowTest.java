package dev.dbtool.cli.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.cli.support.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dbtool schema` and `dbtool migrate` as a team uses them, against a real PostgreSQL. */
class MigrationWorkflowTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> vars = new HashMap<>();
        vars.put("USER", "tester");
        Environment env = new Environment(dir, vars, new PrintWriter(out, true), new PrintWriter(err, true), false);
        int code = Main.run(env, args);
        return new Result(code, out.toString(), err.toString());
    }

    void schema(String text) throws Exception { Files.writeString(dir.resolve("schema.prisma"), text); }

    static final String HEAD = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";

    Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
        return r;
    }

    static List<String> dump(String url) throws Exception { return TestDatabases.dump(url); }

    static void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    static String query(String url, String sql) throws Exception { return TestDatabases.query(url, sql); }

    @Test
    void evolvesThroughTwelveEditsToTheSameCatalogAsAFreshMigration() throws Exception {
        String db = TestDatabases.create("evolution");
        List<String> empty = dump(db);
        List<String[]> edits = new ArrayList<>();
        String v1 = HEAD + "model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n  name  String\n}\n";
        edits.add(new String[] {v1});
        String v2 = v1.replace("  name  String\n", "  name  String\n  bio   String?\n");
        edits.add(new String[] {v2});
        String v3 = v2 + "\nenum Role {\n  USER\n  ADMIN\n}\n";
        v3 = v3.replace("  bio   String?\n", "  bio   String?\n  role  Role    @default(USER)\n");
        edits.add(new String[] {v3});
        String v4 = v3.replace("  ADMIN\n", "  ADMIN\n  OWNER\n");
        edits.add(new String[] {v4});
        String v5 = v4 + "\nmodel Post {\n  id       Int    @id @default(autoincrement())\n  title    String @db.VarChar(100)\n  authorId Int\n"
                + "  author   User   @relation(fields: [authorId], references: [id])\n}\n";
        v5 = v5.replace("  role  Role    @default(USER)\n", "  role  Role    @default(USER)\n  posts Post[]\n");
        edits.add(new String[] {v5});
        String v6 = v5.replace("  title    String @db.VarChar(100)\n", "  title    String @db.VarChar(200)\n");
        edits.add(new String[] {v6});
        String v7 = v6.replace("  name  String\n", "  fullName String\n");
        edits.add(new String[] {v7, "--rename", "User.name=fullName"});
        String v8 = v7.replace("  authorId Int\n", "  authorId Int\n\n  @@index([title])\n");
        edits.add(new String[] {v8});
        String v9 = v8 + "\nmodel Tag {\n  id    Int    @id @default(autoincrement())\n  label String @unique\n  posts Post[]\n}\n";
        v9 = v9.replace("  title    String @db.VarChar(200)\n", "  title    String @db.VarChar(200)\n  tags     Tag[]\n");
        edits.add(new String[] {v9});
        String v10 = v9.replace("  bio   String?\n", "");
        edits.add(new String[] {v10, "--accept-data-loss"});
        String v11 = v10.replace("model User {", "model Person {").replace("  author   User   @relation", "  author   Person @relation");
        edits.add(new String[] {v11, "--rename", "User=Person"});
        String v12 = v11.replace("  label String @unique\n", "  label String @unique\n  color String @default(\"grey\")\n\n  @@check(\"length(color) > 0\")\n");
        edits.add(new String[] {v12});

        int changesets = 0;
        for (int i = 0; i < edits.size(); i++) {
            String[] e = edits.get(i);
            schema(e[0]);
            List<String> args = new ArrayList<>(List.of("schema", "--name", "edit-" + (i + 1)));
            for (int k = 1; k < e.length; k++) args.add(e[k]);
            Result s = ok(args.toArray(String[]::new));
            changesets += s.out().lines().count() == 0 ? 0 : 1 + (s.err().contains("add value") && i > 0 ? 1 : 0);
            ok("migrate", "--url", db);
            if (i == 5) sql(db, "INSERT INTO \"User\" (email, name) VALUES ('a@example.com', 'Ada')");
        }
        assertEquals("Ada", query(db, "SELECT \"fullName\" FROM \"Person\""), "renamed tables and columns keep their data");

        String fresh = TestDatabases.create("evolution_fresh");
        Path other = Files.createTempDirectory(dir, "fresh");
        Files.writeString(other.resolve("schema.prisma"), edits.get(edits.size() - 1)[0]);
        ok("schema", "--schema", other.resolve("schema.prisma").toString());
        ok("migrate", "--schema", other.resolve("schema.prisma").toString(), "--url", fresh);
        assertEquals(String.join("\n", dump(fresh)), String.join("\n", dump(db)), "evolved = fresh");

        sql(db, "DELETE FROM \"Person\"");
        ok("migrate", "rollback", "--count", String.valueOf(changesets), "--url", db);
        assertEquals(String.join("\n", empty), String.join("\n", dump(db)), "rolling everything back leaves an empty database");
    }

    @Test
    void renameTakesOldFieldOrColumnNamesAndAddingAUniqueWarnsLikePrisma() throws Exception {
        String db = TestDatabases.create("rename_names");
        String v1 = HEAD + "model User {\n  id        Int    @id\n  firstName String @map(\"first_name\")\n  lastName  String @map(\"last_name\")\n}\n";
        schema(v1);
        ok("schema");
        ok("migrate", "--url", db);
        sql(db, "INSERT INTO \"User\" (id, first_name, last_name) VALUES (1, 'Ada', 'Lovelace')");
        schema(v1.replace("firstName String @map(\"first_name\")", "givenName String @map(\"given_name\")")
                .replace("lastName  String @map(\"last_name\")", "familyName String @map(\"family_name\")"));
        // the old field name for one, the old column and the new column name for the other
        ok("schema", "--rename", "User.firstName=givenName", "--rename", "User.last_name=family_name");
        ok("migrate", "--url", db);
        assertEquals("Ada Lovelace", query(db, "SELECT given_name || ' ' || family_name FROM \"User\""), "both renames kept their data");

        schema(v1.replace("firstName String @map(\"first_name\")", "givenName String @unique @map(\"given_name\")")
                .replace("lastName  String @map(\"last_name\")", "familyName String @map(\"family_name\")"));
        Result unique = ok("schema");
        assertTrue(unique.err().contains("warning: A unique constraint covering the columns [given_name] on the table User will be added. "
                + "If there are existing duplicate values, this will fail."), unique.err());

        Result unknown = run("schema", "--rename", "User.nickname=givenName");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("--rename: the last changeset has no column nickname of User"), unknown.err());
    }

    @Test
    void migrateTwiceAppliesNothingTheSecondTime() throws Exception {
        String db = TestDatabases.create("twice");
        schema(HEAD + "model A {\n  id Int @id\n}\n");
        ok("schema");
        assertTrue(ok("migrate", "--url", db).out().startsWith("applied "));
        Result again = ok("migrate", "--url", db);
        assertEquals("", again.out());
        assertTrue(again.err().contains("Nothing to apply"), again.err());
        assertEquals("", ok("migrate", "status", "--url", db).out());
        assertEquals("{\n  \"upToDate\" : true,\n  \"pending\" : [ ]\n}\n", ok("migrate", "status", "--url", db, "--format", "json").out());
        assertEquals("1", query(db, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void concurrentMigrationsDoNotCorruptAnything() throws Exception {
        String db = TestDatabases.create("concurrent");
        schema(HEAD + "model A {\n  id Int @id\n  b  B[]\n}\n\nmodel B {\n  id  Int @id\n  aId Int\n  a   A   @relation(fields: [aId], references: [id])\n}\n");
        ok("schema");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Result>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) runs.add(pool.submit((Callable<Result>) () -> run("migrate", "--url", db)));
            for (Future<Result> f : runs) assertEquals(0, f.get().code(), f.get().err());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1", query(db, "SELECT count(*) FROM databasechangelog"), "the changeset ran once");
        assertTrue(dump(db).stream().anyMatch(l -> l.startsWith("constraint public.B B_aId_fkey")));
    }

    @Test
    void aFailingChangesetLeavesTheDatabaseAsItWasAndIsNamed() throws Exception {
        String db = TestDatabases.create("failing");
        schema(HEAD + "model A {\n  id Int @id\n}\n");
        ok("schema");
        ok("migrate", "--url", db);
        List<String> before = dump(db);
        Path bad = dir.resolve("migrations/changes/99990101000000-broken.yaml");
        Files.writeString(bad, "databaseChangeLog:\n- changeSet:\n    id: 99990101000000-broken\n    author: hand\n    changes:\n"
                + "    - sql:\n        sql: CREATE TABLE \"Half\" (id INTEGER)\n    - sql:\n        sql: ALTER TABLE \"Nope\" ADD COLUMN x INTEGER\n");
        Files.writeString(dir.resolve("migrations/changelog.yaml"), Files.readString(dir.resolve("migrations/changelog.yaml"))
                + "- include:\n    file: changes/99990101000000-broken.yaml\n    relativeToChangelogFile: true\n");
        Result r = run("migrate", "--url", db);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("99990101000000-broken"), r.err());
        assertTrue(r.err().contains("Nope"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(before, dump(db), "nothing of the failing changeset stays");
    }

    @Test
    void dryRunPrintsTheSqlAndAppliesNothing() throws Exception {
        String db = TestDatabases.create("dryrun");
        schema(HEAD + "model A {\n  id Int @id\n}\n");
        ok("schema");
        List<String> before = dump(db);
        Result r = ok("migrate", "--dry-run", "--url", db);
        assertTrue(r.out().contains("CREATE TABLE \"A\""), r.out());
        assertEquals(before, dump(db));
        assertTrue(ok("migrate", "status", "--url", db).out().startsWith("pending "));
        assertTrue(ok("migrate", "status", "--url", db, "--format", "json").out().contains("\"upToDate\" : false"));
    }

    @Test
    void aNamedModelMigratesAloneAndAddsItselfToTheSchema() throws Exception {
        schema(HEAD + "model User {\n  id Int @id\n}\n");
        ok("schema");
        schema(HEAD + "model User {\n  id   Int    @id\n  name String?\n}\n");
        Result r = ok("schema", "Post", "--field", "title:String@db.VarChar(80)", "--field", "views:Int@default(0)");
        String text = Files.readString(dir.resolve("schema.prisma"));
        assertTrue(text.contains("model Post {\n  id    Int    @id @default(autoincrement())\n  title String @db.VarChar(80)\n  views Int    @default(0)\n}\n"), text);
        String changeset = Files.readString(dir.resolve(r.out().strip()));
        assertTrue(changeset.contains("CREATE TABLE \"Post\""), changeset);
        assertFalse(changeset.contains("\"name\""), "User's change waits for its own changeset");
        Result rest = ok("schema");
        assertTrue(Files.readString(dir.resolve(rest.out().strip())).contains("ADD COLUMN \"name\" TEXT"));
        assertEquals(0, ok("validate").code());
    }

    @Test
    void dataLossIsRefusedWithoutTheFlagAndNothingIsWritten() throws Exception {
        schema(HEAD + "model A {\n  id   Int    @id\n  note String\n}\n");
        ok("schema");
        String master = Files.readString(dir.resolve("migrations/changelog.yaml"));
        schema(HEAD + "model A {\n  id Int @id\n}\n");
        Result r = run("schema");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("drop column A.note"), r.err());
        assertTrue(r.err().contains("--rename"), r.err());
        assertEquals(master, Files.readString(dir.resolve("migrations/changelog.yaml")));
        assertEquals(0, run("schema", "--accept-data-loss").code());
    }

    @Test
    void noChangesWritesNothing() throws Exception {
        schema(HEAD + "model A {\n  id Int @id\n}\n");
        ok("schema");
        Result r = ok("schema");
        assertEquals("", r.out());
        assertTrue(r.err().contains("No changes"), r.err());
        try (var files = Files.list(dir.resolve("migrations/changes"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void diffReportsDriftAndPassesWhenInSync() throws Exception {
        String db = TestDatabases.create("drift");
        schema(HEAD + "model A {\n  id   Int    @id\n  name String\n}\n");
        ok("schema");
        ok("migrate", "--url", db);
        assertEquals(0, run("diff", "--url", db).code());
        sql(db, "ALTER TABLE \"A\" ADD COLUMN extra INTEGER");
        sql(db, "ALTER TABLE \"A\" ALTER COLUMN name DROP NOT NULL");
        Result r = run("diff", "--url", db);
        assertEquals(1, r.code());
        assertTrue(r.out().contains("not in the schema:         column public.A.extra integer"), r.out());
        assertTrue(r.out().contains("differs:                   column public.A.name"), r.out());
        Result json = run("diff", "--url", db, "--format", "json");
        assertTrue(json.out().contains("\"drift\" : true"), json.out());
    }

    @Test
    void withoutAUrlTheEmbeddedDevelopmentDatabaseKeepsItsDataBetweenRuns() throws Exception {
        schema(HEAD.replace("url      = env(\"DATABASE_URL\")", "url      = env(\"DBTOOL_TEST_UNSET_URL\")") + "model A {\n  id Int @id\n}\n");
        ok("schema");
        Result first = ok("migrate");
        assertTrue(first.err().contains("using the embedded development database in .dbtool/postgres"), first.err());
        assertTrue(first.out().startsWith("applied "), first.out());
        Result second = ok("migrate");
        assertTrue(second.err().contains("Nothing to apply"), "the data directory survived: " + second.err());
        assertTrue(Files.isDirectory(dir.resolve(".dbtool/postgres")));
    }

    @Test
    void schemaPrintsTheMigrationFindingsOfItsChangeset() throws Exception {
        schema(HEAD + "model A {\n  id Int @id\n}\n");
        ok("schema");
        schema(HEAD + "model A {\n  id   Int @id\n  size Int\n}\n");
        Result r = ok("schema");
        assertTrue(r.err().contains("lint error: [adding-required-column] A required column without a default is added to A."), r.err());
    }
}
