package dev.dbtool.cli.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.cli.support.TestDatabases;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * `dbtool seed` on real schemas: the database accepts every row (all its constraints hold), every foreign key
 * resolves, counts are as asked, the SQL script and the COPY load give the same data, and the output is the same
 * bytes run after run.
 */
class SeedTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(dir, Map.of("USER", "tester"), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(Main.run(env, args), out.toString(), err.toString());
    }

    static final List<Path> SCHEMAS = List.of(Path.of("../examples/blog/schema.prisma"),
            Path.of("src/test/resources/conformance/shop/schema.prisma"), Path.of("src/test/resources/conformance/tenants/schema.prisma"),
            Path.of("src/test/resources/conformance/social/schema.prisma"), Path.of("src/test/resources/conformance/defaults/schema.prisma"));

    @TestFactory
    Stream<DynamicTest> seedsRealSchemas() {
        return SCHEMAS.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName().toString(), () -> check(p)));
    }

    private void check(Path source) throws Exception {
        String name = source.getParent().getFileName().toString();
        Path schema = dir.resolve(name + ".prisma");
        Files.writeString(schema, Files.readString(source).replaceAll("(?m)^  @@seed\\(count: \\d+\\)\\n", ""));
        LoadedSchema loaded = SchemaLoader.load(schema);
        DbSchema db = PhysicalSchemaBuilder.build(loaded.schema());
        String loadedDb = TestDatabases.create("seed_load_" + name);
        String scriptDb = TestDatabases.create("seed_script_" + name);
        TestDatabases.build(loadedDb, db);
        TestDatabases.build(scriptDb, db);

        Result load = run("seed", "--schema", schema.toString(), "--load", "--count", "2000", "--seed", "7", "--url", loadedDb);
        assertEquals(0, load.code(), load.err());
        String file = name + "-seed.sql";
        Result script = run("seed", "--schema", schema.toString(), "--out", file, "--count", "2000", "--seed", "7");
        assertEquals(0, script.code(), script.err());
        String first = Files.readString(dir.resolve(file));
        assertEquals(0, run("seed", "--schema", schema.toString(), "--out", file, "--force", "--count", "2000", "--seed", "7").code());
        assertEquals(first, Files.readString(dir.resolve(file)), "deterministic: same bytes");
        assertEquals(1, run("seed", "--schema", schema.toString(), "--out", file, "--count", "2000").code(), "never overwritten silently");
        try (Connection c = DriverManager.getConnection(scriptDb); Statement st = c.createStatement()) {
            st.execute(first);
        }
        String changesetDb = TestDatabases.create("seed_cs_" + name);
        Path project = Files.createDirectories(dir.resolve("cs_" + name));
        Files.copy(schema, project.resolve("schema.prisma"));
        assertEquals(0, run("schema", "--schema", project.resolve("schema.prisma").toString()).code());
        Result cs = run("seed", "--schema", project.resolve("schema.prisma").toString(), "--changeset", "--count", "2000", "--seed", "7");
        assertEquals(0, cs.code(), cs.err());
        Result migrated = run("migrate", "--schema", project.resolve("schema.prisma").toString(), "--url", changesetDb);
        assertEquals(0, migrated.code(), migrated.err());
        assertEquals("0", query(changesetDb, "SELECT count(*) FROM databasechangelog WHERE id LIKE '%-seed'"), "without the seed context, no seed data");
        Result seeded = run("migrate", "--schema", project.resolve("schema.prisma").toString(), "--url", changesetDb, "--contexts", "seed");
        assertEquals(0, seeded.code(), seeded.err());
        for (DbTable t : db.tables()) {
            assertEquals(contents(loadedDb, t), contents(changesetDb, t), t.name() + ": --changeset and --load give the same data");
        }
        for (DbTable t : db.tables()) {
            if (!t.name().startsWith("_")) {
                int expected = loaded.schema().models().stream().filter(m -> m.tableName().equals(t.name())).findFirst()
                        .map(m -> m.extensions().seedCount() != null ? m.extensions().seedCount() : 2000).orElse(2000);
                long rows = Long.parseLong(query(loadedDb, "SELECT count(*) FROM " + t.qualifiedName()));
                assertTrue(rows > 0 && rows <= expected, t.name() + ": " + rows + " rows");
                if (t.foreignKeys().stream().noneMatch(fk -> isUnique(t, fk)) && pairKeysOf(t) == 0) {
                    assertEquals(expected, rows, t.name() + " has the rows asked for");
                }
            }
            for (DbForeignKey fk : t.foreignKeys()) {
                String join = String.join(" AND ", java.util.stream.IntStream.range(0, fk.columns().size())
                        .mapToObj(i -> "p.\"" + fk.referencedColumns().get(i) + "\" = c.\"" + fk.columns().get(i) + "\"").toList());
                String notNull = String.join(" AND ", fk.columns().stream().map(col -> "c.\"" + col + "\" IS NOT NULL").toList());
                String parent = (fk.referencedSchema() == null ? "" : "\"" + fk.referencedSchema() + "\".") + "\"" + fk.referencedTable() + "\"";
                assertEquals("0", query(loadedDb, "SELECT count(*) FROM " + t.qualifiedName() + " c WHERE " + notNull
                        + " AND NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE " + join + ")"), fk.name() + " resolves");
            }
            assertEquals(contents(loadedDb, t), contents(scriptDb, t), t.name() + ": --out and --load give the same data");
        }
    }

    private static boolean isUnique(DbTable t, DbForeignKey fk) {
        return t.indexes().stream().anyMatch(ix -> ix.unique() && ix.columns().size() == fk.columns().size()
                && ix.columns().stream().allMatch(c -> fk.columns().contains(c.name())))
                || t.primaryKey() != null && t.primaryKey().columns().equals(fk.columns());
    }

    private static long pairKeysOf(DbTable t) {
        return t.primaryKey() == null ? 0 : t.foreignKeys().stream().filter(fk -> t.primaryKey().columns().containsAll(fk.columns())).count();
    }

    private static String contents(String url, DbTable t) throws Exception {
        return query(url, "SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM " + t.qualifiedName() + " x");
    }

    static String query(String url, String sql) throws Exception { return TestDatabases.query(url, sql); }

    @Test
    void aRefusedRowNamesItsTableAndRowAndNothingStays() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "model Author {\n  id    Int    @id @default(autoincrement())\n  name  String\n  books Book[]\n}\n\n"
                + "model Book {\n  id       Int    @id @default(autoincrement())\n  pages    Int    @validate(min: 1, max: 900)\n"
                + "  authorId Int\n  author   Author @relation(fields: [authorId], references: [id])\n\n  @@check(\"pages > 500\")\n}\n");
        String url = TestDatabases.create("seed_refused");
        TestDatabases.build(url, PhysicalSchemaBuilder.build(SchemaLoader.load(schema).schema()));
        Result r = run("seed", "--load", "--count", "50", "--url", url);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("seeding Book failed, nothing was loaded"), r.err());
        assertTrue(r.err().contains("Book_check") && r.err().contains("COPY Book, line"), r.err());
        assertEquals("0", query(url, "SELECT count(*) FROM \"Author\""), "the whole load rolled back");
    }

    @Test
    void hashedAndEncryptedFieldsHoldRealSecrets() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "model User {\n  id       Int     @id @default(autoincrement())\n  password String  @hashed\n  phone    String? @encrypted\n}\n");
        Result r = run("seed", "--out", "s.sql", "--count", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("dbtool-dev-password"), r.err());
        String sql = Files.readString(dir.resolve("s.sql"));
        assertTrue(sql.contains("'$argon2id$v=19$m=19456,t=2,p=1$"), sql);
        assertTrue(sql.contains("'dbtool:v1:dev:"), sql);
    }

    @Test
    void countsComeFromTheSchemaThenTheFlag() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "model A {\n  id Int @id\n\n  @@seed(count: 3)\n}\n\nmodel B {\n  id Int @id\n}\n");
        assertEquals(0, run("seed", "--out", "s.sql", "--count", "5").code());
        String sql = Files.readString(dir.resolve("s.sql"));
        int b = sql.indexOf("INSERT INTO \"B\"");
        assertEquals(3, sql.substring(0, b).lines().filter(l -> l.startsWith("('")).count(), "@@seed(count: 3) wins over --count");
        assertEquals(5, sql.substring(b).lines().filter(l -> l.startsWith("('")).count(), "--count for the others");
    }

    @Test
    void aKeyUniqueOnItsOwnInsideACompositeIdIsOneToOne() throws Exception {
        // civitai's ModelReport: @@id([reportId, modelId]) with reportId @unique — pairs would repeat a report
        Path schema = Files.createDirectories(dir.resolve("report")).resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "model Model {\n  id      Int           @id @default(autoincrement())\n  reports ModelReport[]\n}\n\n"
                + "model Report {\n  id    Int          @id @default(autoincrement())\n  model ModelReport?\n}\n\n"
                + "model ModelReport {\n  modelId  Int\n  model    Model  @relation(fields: [modelId], references: [id])\n  reportId Int    @unique\n"
                + "  report   Report @relation(fields: [reportId], references: [id])\n\n  @@id([reportId, modelId])\n}\n");
        String url = TestDatabases.create("seed_one_to_one");
        TestDatabases.build(url, PhysicalSchemaBuilder.build(SchemaLoader.load(schema).schema()));
        Result r = run("seed", "--schema", schema.toString(), "--load", "--count", "40", "--url", url);
        assertEquals(0, r.code(), r.err());
        assertEquals("40", query(url, "SELECT count(DISTINCT \"reportId\") FROM \"ModelReport\""), "one row per report");
    }

    @Test
    void enumsInACompositeUniqueSeedTheirCombinationsAndKeysSharingAColumnAgree() throws Exception {
        // civitai's UserMetric (@@id([userId, timeframe])), ghostfolio's MarketData (a free date beside the enum), and
        // langfuse's InAppAgentEvent (two composite keys sharing projectId)
        Path schema = Files.createDirectories(dir.resolve("combos")).resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "enum Timeframe {\n  DAY\n  WEEK\n  MONTH\n}\n\n"
                + "model User {\n  id      Int          @id\n  metrics UserMetric[]\n\n  @@seed(count: 5)\n}\n\n"
                + "model UserMetric {\n  userId    Int\n  user      User      @relation(fields: [userId], references: [id])\n  timeframe Timeframe\n\n"
                + "  @@id([userId, timeframe])\n}\n\n"
                + "model MarketData {\n  id        Int       @id\n  timeframe Timeframe\n  date      DateTime  @db.Date\n\n  @@unique([timeframe, date])\n}\n\n"
                + "model Project {\n  id    String @id\n  convs Conv[]\n  runs  Run[]\n  events Event[]\n\n  @@seed(count: 4)\n}\n\n"
                + "model Conv {\n  id        String\n  projectId String\n  project   Project @relation(fields: [projectId], references: [id])\n"
                + "  runs Run[]\n  events Event[]\n\n  @@id([id, projectId])\n}\n\n"
                + "model Run {\n  id        String\n  projectId String\n  project   Project @relation(fields: [projectId], references: [id])\n"
                + "  convId    String\n  conv      Conv    @relation(fields: [convId, projectId], references: [id, projectId])\n  events Event[]\n\n"
                + "  @@id([id, projectId])\n}\n\n"
                + "model Event {\n  id        Int     @id\n  projectId String\n  project   Project @relation(fields: [projectId], references: [id])\n"
                + "  convId    String\n  conv      Conv    @relation(fields: [convId, projectId], references: [id, projectId])\n"
                + "  runId     String\n  run       Run     @relation(fields: [runId, projectId], references: [id, projectId])\n}\n");
        String url = TestDatabases.create("seed_combos");
        TestDatabases.build(url, PhysicalSchemaBuilder.build(SchemaLoader.load(schema).schema()));
        Result r = run("seed", "--schema", schema.toString(), "--load", "--count", "40", "--url", url);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("UserMetric: 15 rows, not 40 (that many distinct combinations of timeframe, User exist)"), r.err());
        assertEquals("15", query(url, "SELECT count(DISTINCT (\"userId\", timeframe)) FROM \"UserMetric\""), "every user × timeframe once");
        assertEquals("40", query(url, "SELECT count(*) FROM \"MarketData\""), "distinct dates, not at most 3 rows");
        assertEquals("40", query(url, "SELECT count(*) FROM \"Event\""), "every event's run and conversation in its project");
    }

    @Test
    void keysSharingAColumnWhoseParentsShareNoValueAreRefusedWithTheReason() throws Exception {
        // a conversation's project and a run's project come from two different tables: no event can point at both
        Path schema = Files.createDirectories(dir.resolve("disjoint")).resolve("schema.prisma");
        Files.writeString(schema, """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                model ProjA {
                  id    String @id
                  convs Conv[]
                }

                model ProjB {
                  id   String @id
                  runs Run[]
                }

                model Conv {
                  id        String
                  projectId String
                  project   ProjA   @relation(fields: [projectId], references: [id])
                  events    Event[]

                  @@id([id, projectId])
                }

                model Run {
                  id        String
                  projectId String
                  project   ProjB   @relation(fields: [projectId], references: [id])
                  events    Event[]

                  @@id([id, projectId])
                }

                model Event {
                  id        Int    @id
                  projectId String
                  convId    String
                  conv      Conv   @relation(fields: [convId, projectId], references: [id, projectId])
                  runId     String
                  run       Run    @relation(fields: [runId, projectId], references: [id, projectId])
                }
                """);
        Result r = run("seed", "--schema", schema.toString(), "--out", dir.resolve("disjoint.sql").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Event: no rows of Conv, Run share a value of projectId, which its keys need: seed more rows of them"), r.err());
        assertTrue(!Files.exists(dir.resolve("disjoint.sql")), "nothing written");
    }

    @Test
    void optionalKeysIntoACycleAreLinkedAfterTheLoad() throws Exception {
        Path schema = Files.createDirectories(dir.resolve("cycle")).resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "model Team {\n  id        Int      @id @default(autoincrement())\n  captainId Int?     @unique\n"
                + "  captain   Player?  @relation(\"Captain\", fields: [captainId], references: [id])\n"
                + "  mascotId  Int?\n  mascot    Player?  @relation(\"Mascot\", fields: [mascotId], references: [id])\n"
                + "  players   Player[] @relation(\"Roster\")\n}\n\n"
                + "model Player {\n  id        Int   @id @default(autoincrement())\n  teamId    Int\n"
                + "  team      Team  @relation(\"Roster\", fields: [teamId], references: [id])\n  captainOf Team? @relation(\"Captain\")\n"
                + "  mascotOf  Team[] @relation(\"Mascot\")\n}\n");
        // --load, --out and --changeset give the same rows, every key resolves
        check(schema);
        String url = TestDatabases.create("seed_cycle");
        TestDatabases.build(url, PhysicalSchemaBuilder.build(SchemaLoader.load(schema).schema()));
        Result r = run("seed", "--schema", schema.toString(), "--load", "--count", "200", "--url", url);
        assertEquals(0, r.code(), r.err());
        long linked = Long.parseLong(query(url, "SELECT count(*) FROM \"Team\" WHERE \"captainId\" IS NOT NULL"));
        assertTrue(linked > 100 && linked < 200, "teams point at players inserted after them, some do not: " + linked);
        assertTrue(Long.parseLong(query(url, "SELECT count(DISTINCT \"mascotId\") FROM \"Team\"")) > 50, "each key linked on its own");
        assertEquals("0", query(url, "SELECT count(*) FROM \"Team\" t WHERE t.\"captainId\" IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM \"Player\" p WHERE p.id = t.\"captainId\")"));
        Result script = run("seed", "--schema", schema.toString(), "--out", "cycle.sql", "--count", "200");
        assertEquals(0, script.code(), script.err());
        List<String> updates = Files.readString(dir.resolve("cycle.sql")).lines().filter(l -> l.startsWith("UPDATE ")).toList();
        assertEquals(2, updates.size(), "one UPDATE per linked key, not per row: " + updates.stream().limit(3).toList());
        assertEquals("0", query(url, "SELECT count(*) FROM pg_class WHERE relname LIKE 'dbtool_seed_link%'"), "no staging table stays");
    }

    @Test
    void truncateReplacesInsteadOfAdding() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "model A {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n");
        String url = TestDatabases.create("seed_truncate");
        TestDatabases.build(url, PhysicalSchemaBuilder.build(SchemaLoader.load(schema).schema()));
        assertEquals(0, run("seed", "--load", "--count", "30", "--url", url).code());
        assertEquals(1, run("seed", "--load", "--count", "30", "--url", url).code(), "the same keys again are refused");
        assertEquals(0, run("seed", "--load", "--count", "30", "--truncate", "--url", url).code());
        assertEquals("30", query(url, "SELECT count(*) FROM \"A\""));
        assertEquals("31", query(url, "SELECT nextval(pg_get_serial_sequence('\"A\"', 'id'))"), "the sequence continues after the seeded ids");
    }
}
