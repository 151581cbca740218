package dev.dbtool.cli.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.cli.support.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbtool optimize} on a real workload: a schema migrated by dbtool, tens of thousands of rows, parameterised
 * statements run many times with pg_stat_statements recording them, the indexes they need missing. The advice is
 * checked, turned into a changeset, applied with Liquibase, and the workload re-run must be faster in real time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OptimizeWorkloadTest {
    static final String SCHEMA = """
            generator migrations {
              provider = "dbtool-liquibase"
              author   = "tests"
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model Customer {
              id        Int      @id @default(autoincrement())
              email     String   @unique
              name      String
              createdAt DateTime @default(now())
              orders    Order[]
            }

            model Order {
              id         Int         @id @default(autoincrement())
              customerId Int
              customer   Customer    @relation(fields: [customerId], references: [id])
              status     String
              total      Decimal     @db.Decimal(10, 2)
              createdAt  DateTime
              items      OrderItem[]
            }

            model OrderItem {
              id      Int    @id @default(autoincrement())
              orderId Int
              order   Order  @relation(fields: [orderId], references: [id])
              sku     String
              qty     Int
            }

            model Ticket {
              id       Int       @id @default(autoincrement())
              priority Int
              subject  String
              closedAt DateTime?
            }

            model Country {
              code String @id
              name String
            }
            """;

    static final List<String> WORKLOAD = List.of(
            "SELECT id, total, \"createdAt\" FROM \"Order\" WHERE \"customerId\" = ? ORDER BY \"createdAt\" DESC LIMIT 20",
            "SELECT id, subject FROM \"Ticket\" WHERE \"closedAt\" IS NULL AND priority > ?",
            "SELECT o.id, i.sku FROM \"Order\" o JOIN \"OrderItem\" i ON i.\"orderId\" = o.id WHERE o.id = ?",
            "SELECT * FROM \"Customer\" WHERE id = ?",
            "SELECT code FROM \"Country\" WHERE name = ?",
            "SELECT count(*) FROM \"Customer\" WHERE email = ?");

    @TempDir static Path dir;
    String url;
    Path schema;
    final ObjectMapper json = new ObjectMapper();

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(dir, new HashMap<>(Map.of("USER", "tester")), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(Main.run(env, args), out.toString(), err.toString());
    }

    @BeforeAll
    void workload() throws Exception {
        url = TestDatabases.create("optimize");
        schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        assertEquals(0, run("schema", "--name", "init").code);
        Result migrated = run("migrate", "--url", url);
        assertEquals(0, migrated.code, migrated.err);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.execute("INSERT INTO \"Customer\" (email, name) SELECT 'c' || i || '@example.com', 'Customer ' || (i % 5000) FROM generate_series(1, 20000) i");
            st.execute("INSERT INTO \"Order\" (\"customerId\", status, total, \"createdAt\") SELECT 1 + (i::bigint * 7919) % 20000, "
                    + "CASE WHEN i % 10 = 0 THEN 'open' ELSE 'done' END, (i % 500) + 0.99, now() - (i || ' minutes')::interval FROM generate_series(1, 120000) i");
            st.execute("INSERT INTO \"OrderItem\" (\"orderId\", sku, qty) SELECT 1 + (i::bigint * 104729) % 120000, 'SKU-' || (i % 3000), 1 + i % 4 FROM generate_series(1, 120000) i");
            st.execute("INSERT INTO \"Ticket\" (priority, subject, \"closedAt\") SELECT i % 100, 'Ticket ' || i, CASE WHEN i % 50 = 0 THEN NULL ELSE now() END "
                    + "FROM generate_series(1, 60000) i");
            st.execute("INSERT INTO \"Country\" (code, name) SELECT 'C' || i, 'Country ' || i FROM generate_series(1, 50) i");
            // deliberate mistakes: an index nothing uses, and a copy of the unique index on email
            st.execute("CREATE INDEX \"Customer_name_idx\" ON \"Customer\" (name)");
            st.execute("CREATE INDEX \"Customer_email_copy_idx\" ON \"Customer\" (email)");
            st.execute("ANALYZE");
            st.execute("SELECT pg_stat_statements_reset()");
            st.execute("SELECT pg_stat_reset()");
        }
        runWorkload(200);
    }

    /** Runs every workload statement {@code times} times with varying parameters; returns the elapsed milliseconds. */
    double runWorkload(int times) throws Exception {
        Random random = new Random(7);
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            List<PreparedStatement> ps = new ArrayList<>();
            for (String sql : WORKLOAD) ps.add(c.prepareStatement(sql));
            for (int i = 0; i < times; i++) {
                ps.get(0).setInt(1, 1 + random.nextInt(20000));
                ps.get(1).setInt(1, 90 + random.nextInt(10));
                ps.get(2).setInt(1, 1 + random.nextInt(120000));
                ps.get(3).setInt(1, 1 + random.nextInt(20000));
                ps.get(4).setString(1, "Country " + (1 + random.nextInt(50)));
                ps.get(5).setString(1, "c" + (1 + random.nextInt(20000)) + "@example.com");
                for (PreparedStatement p : ps) {
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) rs.getObject(1);
                    }
                }
            }
            for (PreparedStatement p : ps) p.close();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    JsonNode advise(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("optimize", "--url", url, "--format", "json"));
        args.addAll(List.of(extra));
        Result r = run(args.toArray(String[]::new));
        assertEquals(0, r.code, r.err + r.out);
        return json.readTree(r.out);
    }

    static List<String> sqls(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : report.path("recommendations")) out.add(r.path("sql").asText());
        return out;
    }

    @Test
    @Order(1)
    void buildModeRecommendsWhatTheWorkloadNeedsAndNothingElse() throws Exception {
        JsonNode report = advise("--what-if", "build");
        List<String> sqls = sqls(report);
        // with or without INCLUDE ("id", "total"): the covering variant wins when autovacuum has set the visibility map by
        // the time the advisor costs it (an index-only scan then pays), which the test does not control
        String customerOrders = "CREATE INDEX CONCURRENTLY \"Order_customerId_createdAt_idx\" ON \"Order\" (\"customerId\", \"createdAt\" DESC)";
        assertTrue(sqls.contains(customerOrders) || sqls.contains(customerOrders + " INCLUDE (\"id\", \"total\")"), sqls::toString);
        assertTrue(sqls.stream().anyMatch(s -> s.startsWith("CREATE INDEX CONCURRENTLY \"Ticket_priority_idx\" ON \"Ticket\" (\"priority\")")
                && s.endsWith("WHERE \"closedAt\" IS NULL")), "a partial index for the open tickets: " + sqls);
        assertTrue(sqls.contains("CREATE INDEX CONCURRENTLY \"OrderItem_orderId_idx\" ON \"OrderItem\" (\"orderId\")"), "the join's foreign key: " + sqls);
        assertEquals(3, sqls.size(), "nothing for the primary-key lookup, the unique email or the 50-row table: " + sqls);
        for (JsonNode r : report.path("recommendations")) {
            assertTrue(r.path("savedMs").asDouble() > 0);
            for (JsonNode h : r.path("helps")) assertTrue(h.path("costAfter").asDouble() < h.path("costBefore").asDouble() * 0.8);
        }
        assertEquals("@@index([customerId, createdAt(sort: Desc)])", report.path("recommendations").path(0).path("schemaLine").asText().isEmpty()
                ? "" : lineFor(report, "Order"));
        String health = report.path("existingIndexes").toString();
        assertTrue(health.contains("\"kind\":\"unused_index\"") && health.contains("Customer_name_idx"), health);
        assertTrue(health.contains("\"kind\":\"duplicate_indexes\"") && health.contains("Customer_email_copy_idx"), health);
        assertTrue(health.contains("\"kind\":\"foreign_key_without_index\"") && health.contains("OrderItem_orderId_fkey"), health);
        assertEquals("build", report.path("whatIf").asText());
        assertEquals(List.of(), sqls(advise("--what-if", "build", "--budget", "1kB")), "no index fits in 1 kB");
        assertEquals(2, run("optimize", "--url", url, "--budget", "12XB").code);
    }

    @Test
    @Order(2)
    void minCallsAndMaxStatementsBoundWhatIsRead() throws Exception {
        JsonNode all = advise("--what-if", "none");
        double topTotal = 0;
        for (JsonNode s : all.path("statements")) topTotal = Math.max(topTotal, s.path("totalMs").asDouble());
        JsonNode one = advise("--what-if", "none", "--max-statements", "1");
        assertEquals(1, one.path("statements").size(), one.toString());
        assertEquals(topTotal, one.path("statements").path(0).path("totalMs").asDouble(), 0.01, "the statement with the most total time");
        JsonNode rare = advise("--what-if", "none", "--min-calls", "1000000");
        assertEquals(0, rare.path("statements").size(), rare.toString());
        assertEquals(List.of(), sqls(rare));
        assertEquals(2, run("optimize", "--url", url, "--min-calls", "0").code);
    }

    private List<Path> changesets() throws Exception {
        try (var files = Files.list(dir.resolve("migrations/changes"))) {
            return new ArrayList<>(files.filter(p -> p.toString().contains("optimize-indexes")).toList());
        }
    }

    static String lineFor(JsonNode report, String model) {
        for (JsonNode r : report.path("recommendations")) if (r.path("schemaModel").asText().equals(model)) return r.path("schemaLine").asText();
        return "";
    }

    @Test
    @Order(2)
    void withoutWhatIfTheEstimatesAreLabelledAndStillFindTheMainIndex() throws Exception {
        JsonNode report = advise("--what-if", "none");
        assertTrue(report.path("costs").asText().startsWith("estimated from pg_stats"), report.path("costs").asText());
        assertTrue(sqls(report).stream().anyMatch(s -> s.contains("\"Order_customerId_createdAt_idx\"")), sqls(report)::toString);
        Result text = run("optimize", "--url", url, "--what-if", "none");
        assertTrue(text.out.contains("after = estimated from pg_stats"), text.out);
    }

    @Test
    @Order(3)
    void theChangesetAppliedWithLiquibaseMakesTheWorkloadFaster() throws Exception {
        double before = runWorkload(200);
        Result r = run("optimize", "--url", url, "--what-if", "build", "--changeset");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("schema: model Order { @@index([customerId, createdAt(sort: Desc)]) }"), r.out);
        assertTrue(r.out.contains("schema: model Ticket { @@index([priority], where: \"\\\"closedAt\\\" IS NULL\") }"), r.out);
        Path changes = dir.resolve("migrations/changes");
        String changeset;
        try (var files = Files.list(changes)) {
            changeset = Files.readString(files.filter(p -> p.toString().contains("optimize-indexes")).findFirst().orElseThrow());
        }
        assertTrue(changeset.contains("runInTransaction: false"), changeset);
        assertTrue(changeset.contains("DROP INDEX CONCURRENTLY IF EXISTS \"Order_customerId_createdAt_idx\""), "with its rollback: " + changeset);
        assertFalse(changeset.contains("Customer_name_idx"), "no drops without --drop-unused");
        Result migrated = run("migrate", "--url", url);
        assertEquals(0, migrated.code, migrated.err);
        assertEquals("3", TestDatabases.query(url, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('Order_customerId_createdAt_idx', 'Ticket_priority_idx', "
                + "'OrderItem_orderId_idx')"));
        runWorkload(20); // warm the new indexes' pages as the old run had the tables'
        double after = runWorkload(200);
        assertTrue(after < before * 0.5, "the workload runs in " + after + " ms after, " + before + " ms before");
    }

    @Test
    @Order(4)
    void aWellIndexedWorkloadGetsNoNewIndex() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_statements_reset()");
        }
        runWorkload(50);
        JsonNode report = advise("--what-if", "build");
        assertEquals(List.of(), sqls(report));
    }

    @Test
    @Order(5)
    void dropsAreWrittenOnlyOnRequestAndRollBack() throws Exception {
        List<Path> earlier = changesets();
        Result r = run("optimize", "--url", url, "--what-if", "build", "--changeset", "--drop-unused");
        assertEquals(0, r.code, r.err);
        List<Path> written = changesets();
        written.removeAll(earlier);
        String changeset = Files.readString(written.get(0)).replaceAll("\\s+", " ");
        assertTrue(changeset.contains("DROP INDEX CONCURRENTLY \"Customer_name_idx\""), changeset);
        assertTrue(changeset.contains("CREATE INDEX CONCURRENTLY \"Customer_name_idx\" ON public.\"Customer\" USING btree (name)"), "the rollback recreates it: " + changeset);
        assertTrue(changeset.contains("DROP INDEX CONCURRENTLY \"Customer_email_copy_idx\""), "the duplicate goes: " + changeset);
        assertFalse(changeset.contains("DROP INDEX CONCURRENTLY \"Customer_email_key\""), "never the unique index it duplicates");
    }

    @Test
    void applyWritesAndAppliesTheChangesetUnlessOtherChangesetsArePending(@TempDir Path other) throws Exception {
        String db2 = TestDatabases.create("optimize_apply");
        Path schema2 = other.resolve("schema.prisma");
        Files.writeString(schema2, SCHEMA);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(other, new HashMap<>(Map.of("USER", "tester")), new PrintWriter(out, true), new PrintWriter(err, true), false);
        assertEquals(0, Main.run(env, "schema", "--name", "init"));
        Result pending = run("optimize", "--url", db2, "--schema", schema2.toString(), "--apply");
        assertEquals(3, pending.code, "pg_stat_statements missing in the fresh database: " + pending.err);
        assertEquals(0, Main.run(env, "migrate", "--url", db2));
        try (Connection c = DriverManager.getConnection(db2); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION pg_stat_statements");
            st.execute("INSERT INTO \"Customer\" (email, name) SELECT 'c' || i || '@x.org', 'n' FROM generate_series(1, 5000) i");
            st.execute("INSERT INTO \"Order\" (\"customerId\", status, total, \"createdAt\") SELECT 1 + i % 5000, 'done', 1, now() FROM generate_series(1, 50000) i");
            st.execute("ANALYZE");
            st.execute("SELECT pg_stat_statements_reset()");
            try (PreparedStatement ps = c.prepareStatement(WORKLOAD.get(0))) {
                // enough calls that the time saved clearly outweighs maintaining the index for the 55,000 rows loaded above
                for (int i = 0; i < 300; i++) {
                    ps.setInt(1, 1 + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) rs.getInt(1);
                    }
                }
            }
        }
        Files.writeString(schema2, SCHEMA.replace("  qty     Int\n", "  qty     Int\n  note    String?\n"));
        assertEquals(0, Main.run(env, "schema", "--name", "note"));
        Result refused = run("optimize", "--url", db2, "--schema", schema2.toString(), "--what-if", "build", "--apply");
        assertEquals(1, refused.code, refused.err);
        assertTrue(refused.err.contains("other changeset is pending") && refused.err.contains("migrate baseline"), refused.err);
        assertEquals(0, Main.run(env, "migrate", "--url", db2));
        Result applied = run("optimize", "--url", db2, "--schema", schema2.toString(), "--what-if", "build", "--apply");
        assertEquals(0, applied.code, applied.err);
        assertTrue(applied.err.contains("Applied to the database"), applied.err);
        assertEquals("1", TestDatabases.query(db2, "SELECT count(*) FROM pg_indexes WHERE indexname = 'Order_customerId_createdAt_idx'"));
    }

    @Test
    void aDatabaseWithoutPgStatStatementsGetsTheSettingsToEnableIt() {
        String bare = TestDatabases.create("no_pgss");
        Result r = run("optimize", "--url", bare);
        assertEquals(3, r.code);
        assertTrue(r.err.contains("pg_stat_statements is not installed") && r.err.contains("shared_preload_libraries = 'pg_stat_statements'"), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }
}
