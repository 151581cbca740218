package dev.dbtool.cli.operating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbtool.cli.support.DebianPostgres;
import dev.dbtool.cli.support.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database commands through a real PgBouncer in transaction pooling mode, and against a PostgreSQL that refuses
 * connections without TLS, checked with {@code sslmode=verify-full} and a CA made by the test. Both need Debian's
 * packages (postgresql-15, pgbouncer; `.ci/run` installs them as root); without them the tests say why they skip.
 */
class PgBouncerAndTlsTest {
    static final String SCHEMA = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
            + "model Agent {\n  id      Int      @id @default(autoincrement())\n  email   String   @unique\n  tickets Ticket[]\n}\n\n"
            + "model Ticket {\n  id      Int    @id @default(autoincrement())\n  subject String\n  agentId Int\n  agent   Agent  @relation(fields: [agentId], references: [id])\n}\n";
    static final Path PGBOUNCER = Path.of("/usr/sbin/pgbouncer");

    @TempDir Path dir;

    private static String skipReason(boolean bouncer) {
        String server = DebianPostgres.missingServer();
        if (server != null) return server;
        if (bouncer && !Files.isExecutable(PGBOUNCER)) return "PgBouncer is not installed (apt-get install pgbouncer)";
        return null;
    }

    private static void assumeAvailable(boolean bouncer) {
        String why = skipReason(bouncer);
        if (why != null) System.out.println("SKIPPED " + PgBouncerAndTlsTest.class.getSimpleName() + ": " + why);
        assumeTrue(why == null, why);
    }

    /** Every database command on one URL: migrate twice at once, status, seed, pull, diff, optimize. */
    private void everyCommand(CliRun cli, String url, String directUrl) throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        cli.ok("schema", "--name", "init");
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA.replace("  subject String\n", "  subject String\n  note    String?\n"));
        cli.ok("schema", "--name", "note");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> applied = new ArrayList<>();
        try {
            List<Future<CliRun.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) runs.add(pool.submit((Callable<CliRun.Result>) () -> cli.run("migrate", "--url", url)));
            for (Future<CliRun.Result> f : runs) {
                CliRun.Result r = f.get();
                assertEquals(0, r.code(), r.err());
                r.out().lines().forEach(applied::add);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, applied.size(), "each changeset applied and reported once: " + applied);
        assertTrue(cli.ok("migrate", "status", "--url", url).err().contains("up to date"));
        cli.ok("seed", "--count", "2000", "--url", url);
        assertEquals("2000", TestDatabases.query(directUrl, "SELECT count(*) FROM \"Ticket\""));
        CliRun.Result pulled = cli.ok("pull", "--url", url);
        assertTrue(pulled.out().contains("model Ticket {"), pulled.out() + pulled.err());
        CliRun.Result diff = cli.run("diff", "--url", url);
        assertEquals(0, diff.code(), diff.out() + diff.err());
        try (Connection c = DriverManager.getConnection(directUrl); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.execute("SELECT pg_stat_statements_reset()");
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM \"Ticket\" WHERE subject = ?")) {
                for (int i = 0; i < 200; i++) {
                    ps.setString(1, "s" + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) rs.getInt(1);
                    }
                }
            }
        }
        CliRun.Result optimized = cli.run("optimize", "--url", url, "--format", "json");
        assertEquals(0, optimized.code(), optimized.err());
        assertTrue(optimized.out().contains("WHERE subject = $1") && optimized.out().contains("\"calls\" : 200"), "the advice reads the workload: " + optimized.out());
    }

    @Test
    void everyCommandWorksThroughPgBouncerInTransactionPooling() throws Exception {
        assumeAvailable(true);
        try (DebianPostgres pg = DebianPostgres.start(List.of(), null)) {
            String admin = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=postgres";
            try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE helpdesk");
            }
            Path conf = Files.createDirectories(pg.directory().resolve("pgbouncer"));
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.writeString(conf.resolve("userlist.txt"), "\"postgres\" \"\"\n");
            Files.writeString(conf.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]", "* = host=127.0.0.1 port=" + pg.port(), "[pgbouncer]", "listen_addr = 127.0.0.1", "listen_port = " + port,
                    "unix_socket_dir =", "auth_type = trust", "auth_file = " + conf.resolve("userlist.txt"), "pool_mode = transaction",
                    "ignore_startup_parameters = extra_float_digits", "default_pool_size = 6", "max_client_conn = 100", ""));
            pg.own(conf);
            Process bouncer = new ProcessBuilder(DebianPostgres.asServerUser(PGBOUNCER.toString(), conf.resolve("pgbouncer.ini").toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pgbouncer.log").toFile()).start();
            try {
                waitForPort(port, bouncer);
                String url = "postgresql://postgres@127.0.0.1:" + port + "/helpdesk?pgbouncer=true";
                everyCommand(new CliRun(dir), url, "jdbc:postgresql://127.0.0.1:" + pg.port() + "/helpdesk?user=postgres");
            } finally {
                bouncer.destroy();
                bouncer.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void everyCommandWorksAgainstATlsOnlyServerWithVerifyFull() throws Exception {
        assumeAvailable(false);
        DebianPostgres pg = DebianPostgres.prepare();
        try {
            Path tls = Files.createDirectories(pg.directory().resolve("tls"));
            Path other = Files.createDirectories(dir.resolve("other-ca"));
            certificateAuthority(tls);
            certificateAuthority(other);
            openssl(tls, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-subj", "/CN=localhost", "-out", "server.csr");
            Files.writeString(tls.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
            openssl(tls, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "server.crt");
            Files.setPosixFilePermissions(tls.resolve("server.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            pg.own(tls);
            String hba = "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n"
                    + "hostnossl all all 0.0.0.0/0 reject\nhostnossl all all ::/0 reject\n";
            pg.launch(List.of("ssl=on", "ssl_cert_file=" + tls.resolve("server.crt"), "ssl_key_file=" + tls.resolve("server.key")), hba);
            String base = "postgresql://postgres@localhost:" + pg.port();
            String ca = tls.resolve("ca.crt").toString();
            String direct = "jdbc:postgresql://localhost:" + pg.port() + "/helpdesk?user=postgres&sslmode=verify-full&sslrootcert=" + ca;
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.port() + "/postgres?user=postgres&sslmode=verify-full&sslrootcert=" + ca);
                 Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE helpdesk");
            }
            Path probe = Files.createDirectories(dir.resolve("probe"));
            CliRun cli = new CliRun(probe);
            Files.writeString(probe.resolve("schema.prisma"), SCHEMA);
            cli.ok("schema", "--name", "first");
            CliRun.Result plain = cli.run("migrate", "status", "--url", base + "/helpdesk?sslmode=disable");
            assertEquals(3, plain.code(), "the server refuses a connection without TLS: " + plain.err());
            assertTrue(plain.err().contains("no encryption") || plain.err().contains("pg_hba.conf"), plain.err());
            CliRun.Result wrongCa = cli.run("migrate", "status", "--url", base + "/helpdesk?sslmode=verify-full&sslrootcert=" + other.resolve("ca.crt"));
            assertEquals(3, wrongCa.code(), "a certificate from another CA is refused: " + wrongCa.err());
            assertFalse(wrongCa.err().contains("\tat "), wrongCa.err());
            everyCommand(new CliRun(dir), base + "/helpdesk?sslmode=verify-full&sslrootcert=" + ca, direct);
            assertEquals("t", TestDatabases.query(direct, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        } finally {
            pg.close();
        }
    }

    private static void certificateAuthority(Path dir) throws Exception {
        openssl(dir, "req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-days", "2", "-subj", "/CN=dbtool test CA", "-out", "ca.crt");
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + String.join(" ", args) + ": " + out);
    }

    private void waitForPort(int port, Process bouncer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException e) {
                assertTrue(bouncer.isAlive(), "pgbouncer exited: " + Files.readString(dir.resolve("pgbouncer.log")));
                assertTrue(System.nanoTime() < deadline, "pgbouncer did not listen: " + Files.readString(dir.resolve("pgbouncer.log")));
                Thread.sleep(100);
            }
        }
    }
}
