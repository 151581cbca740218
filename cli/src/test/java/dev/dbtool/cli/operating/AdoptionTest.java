package dev.dbtool.cli.operating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/commands/migrate.md's adoption path, end to end on a database dbtool did not create: a helpdesk made by hand in
 * SQL with data and a workload, pulled, baselined, then evolved with ordinary migrations and optimized.
 */
class AdoptionTest {
    @TempDir Path dir;

    static final String[] HELPDESK = {
        "CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
        "CREATE TYPE ticket_status AS ENUM ('open', 'pending', 'closed')",
        "CREATE TABLE agents (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, name text NOT NULL)",
        "CREATE TABLE tickets (id bigserial PRIMARY KEY, subject text NOT NULL, status ticket_status NOT NULL DEFAULT 'open', "
                + "agent_id integer REFERENCES agents (id) ON DELETE SET NULL, created_at timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE comments (id bigserial PRIMARY KEY, ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE, body text NOT NULL)",
        "CREATE INDEX comments_ticket_id_idx ON comments (ticket_id)",
        "INSERT INTO agents (email, name) SELECT 'agent' || i || '@help.example', 'Agent ' || i FROM generate_series(1, 500) i",
        "INSERT INTO tickets (subject, status, agent_id) SELECT 'ticket ' || i, (ARRAY['open','pending','closed'])[1 + i % 3]::ticket_status, 1 + i % 500 "
                + "FROM generate_series(1, 40000) i",
        "INSERT INTO comments (ticket_id, body) SELECT 1 + i % 40000, 'comment ' || i FROM generate_series(1, 20000) i",
        "ANALYZE",
    };

    @Test
    void pullSchemaBaselineThenOrdinaryMigrationsAndOptimize() throws Exception {
        String db = TestDatabases.create("adopt_helpdesk");
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            for (String sql : HELPDESK) st.execute(sql);
        }
        CliRun cli = new CliRun(dir);

        cli.ok("pull", "--url", db, "--out", "schema.prisma");
        String pulled = Files.readString(dir.resolve("schema.prisma"));
        assertTrue(pulled.contains("model tickets {"), pulled);
        cli.ok("schema", "--name", "adopt");
        CliRun.Result status = cli.ok("migrate", "status", "--url", db);
        assertTrue(status.out().startsWith("pending "), "the first changeset would create what exists: " + status.out());

        CliRun.Result recorded = cli.ok("migrate", "baseline", "--url", db);
        assertTrue(recorded.out().startsWith("recorded ") && recorded.out().lines().count() == 1, recorded.out());
        assertTrue(cli.ok("migrate", "status", "--url", db).err().contains("is up to date"));
        CliRun.Result drift = cli.run("diff", "--url", db);
        assertEquals(0, drift.code(), "the pulled schema describes the database: " + drift.out() + drift.err());
        assertEquals("40000", TestDatabases.query(db, "SELECT count(*) FROM tickets"), "baseline ran nothing");

        // an ordinary change afterwards
        Files.writeString(dir.resolve("schema.prisma"), pulled.replaceFirst("(model tickets \\{\\n)", "$1  priority   Int?\n"));
        cli.ok("schema", "--name", "priority");
        CliRun.Result applied = cli.ok("migrate", "--url", db);
        assertEquals(1, applied.out().lines().count(), applied.out());
        assertTrue(applied.out().contains("-priority"), applied.out());
        assertEquals("1", TestDatabases.query(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'tickets' AND column_name = 'priority'"));
        assertEquals(0, cli.run("diff", "--url", db).code());

        // optimize --apply in the adopted project: a workload that needs an index on tickets.agent_id
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_statements_reset()");
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subject FROM tickets WHERE agent_id = ? AND status = 'open'::ticket_status")) {
                for (int i = 0; i < 300; i++) {
                    ps.setInt(1, 1 + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) rs.getLong(1);
                    }
                }
            }
        }
        CliRun.Result optimized = cli.onTerminal("optimize", "--url", db, "--what-if", "build", "--apply");
        assertEquals(0, optimized.code(), optimized.err());
        assertTrue(optimized.err().matches("(?s).*optimize .*\\d+/\\d+ candidates.*"), "a progress bar over the candidates: " + optimized.err());
        assertTrue(optimized.err().contains("Applied to the database"), optimized.err());
        assertEquals("1", TestDatabases.query(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 'tickets' AND indexdef LIKE '%(agent_id%'"),
                optimized.out() + optimized.err());
        assertTrue(cli.ok("migrate", "status", "--url", db).err().contains("is up to date"));
        assertEquals("3", TestDatabases.query(db, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void baselineThroughRecordsUpToAChangesetAndNamesAnUnknownOne() throws Exception {
        String db = TestDatabases.create("adopt_through");
        CliRun cli = new CliRun(dir);
        String head = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";
        Files.writeString(dir.resolve("schema.prisma"), head + "model A {\n  id Int @id\n}\n");
        String first = cli.ok("schema", "--name", "a").out().strip().replaceAll(".*/([^/]+)\\.yaml$", "$1");
        Files.writeString(dir.resolve("schema.prisma"), head + "model A {\n  id Int @id\n}\n\nmodel B {\n  id Int @id\n}\n");
        cli.ok("schema", "--name", "b");
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"A\" (id integer PRIMARY KEY)"); // the database already has the first change only
        }
        CliRun.Result unknown = cli.run("migrate", "baseline", "--through", "no-such-id", "--url", db);
        assertEquals(1, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("no pending changeset no-such-id") && unknown.err().contains(first), unknown.err());
        assertEquals("recorded " + first + "\n", cli.ok("migrate", "baseline", "--through", first, "--url", db).out());
        CliRun.Result rest = cli.ok("migrate", "--url", db);
        assertEquals(1, rest.out().lines().count(), rest.out());
        assertEquals("1", TestDatabases.query(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'B'"));
        assertEquals(0, cli.run("diff", "--url", db).code());
    }
}
