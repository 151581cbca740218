package dev.dbtool.cli.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.cli.support.DebianPostgres;
import dev.dbtool.cli.support.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HypoPG path against a real PostgreSQL 15 with the extension (Debian packages; skipped with the reason when they
 * are not installed): hypothetical indexes are chosen by default, nothing is built, and the advice matches.
 */
class HypoPgTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(dir, new HashMap<>(Map.of()), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(Main.run(env, args), out.toString(), err.toString());
    }

    @Test
    void hypotheticalIndexesOnPostgres15() throws Exception {
        String missing = DebianPostgres.missing();
        Assumptions.assumeTrue(missing == null, missing);
        try (DebianPostgres pg = DebianPostgres.start()) {
            String url = pg.jdbcUrl("postgres");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION hypopg");
                st.execute("CREATE EXTENSION pg_stat_statements");
                st.execute("CREATE TABLE \"Order\" (id serial PRIMARY KEY, \"customerId\" int NOT NULL, \"createdAt\" timestamp(3) NOT NULL, total numeric(10,2))");
                st.execute("INSERT INTO \"Order\" (\"customerId\", \"createdAt\", total) SELECT 1 + (i::bigint * 7919) % 20000, now() - (i || ' minutes')::interval, i % 500 "
                        + "FROM generate_series(1, 100000) i");
                st.execute("ANALYZE");
                st.execute("SELECT pg_stat_statements_reset()");
                try (PreparedStatement ps = c.prepareStatement("SELECT id, total FROM \"Order\" WHERE \"customerId\" = ? ORDER BY \"createdAt\" DESC LIMIT 20")) {
                    for (int i = 0; i < 100; i++) {
                        ps.setInt(1, 1 + i * 37);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) rs.getInt(1);
                        }
                    }
                }
            }
            Result r = run("optimize", "--url", url, "--format", "json");
            assertEquals(0, r.code, r.err);
            JsonNode report = new ObjectMapper().readTree(r.out);
            assertEquals("hypopg", report.path("whatIf").asText(), "chosen by default when the extension is there");
            assertEquals("CREATE INDEX CONCURRENTLY \"Order_customerId_createdAt_idx\" ON \"Order\" (\"customerId\", \"createdAt\" DESC)",
                    report.path("recommendations").path(0).path("sql").asText(), r.out);
            assertTrue(report.path("recommendations").path(0).path("sizeBytes").asLong() > 0, "HypoPG's size estimate");
            assertEquals("1", TestDatabases.query(url, "SELECT count(*) FROM pg_indexes WHERE tablename = 'Order'"), "nothing was built");
        }
    }

    @Test
    void askingForHypoPgWhereItIsMissingSaysHowToInstallIt() throws Exception {
        String url = TestDatabases.create("no_hypopg");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION pg_stat_statements");
        }
        Result r = run("optimize", "--url", url, "--what-if", "hypopg");
        assertEquals(3, r.code);
        assertTrue(r.err.contains("CREATE EXTENSION hypopg"), r.err);
    }
}
