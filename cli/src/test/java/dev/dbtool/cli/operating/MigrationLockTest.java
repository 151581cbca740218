package dev.dbtool.cli.operating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * The migration lock as operators meet it: a run killed with SIGKILL mid-changeset, a run stopped while holding the
 * lock, a Liquibase lock row left by an older tool, and several runs at once.
 */
class MigrationLockTest {
    static final String HEAD = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";
    static final long KEY = 0x6462746f6f6cL;

    @TempDir Path dir;

    /**
     * A project whose second changeset sleeps for a minute when run by the session named "victim". The sleep comes
     * first: PostgreSQL finishes a statement a killed client's backend is running before it rolls back, and DDL the
     * changeset had done would make the next run wait for that (the lock itself is free at once).
     */
    CliRun projectWithASlowChangeset() throws Exception {
        CliRun cli = new CliRun(dir);
        Files.writeString(dir.resolve("schema.prisma"), HEAD + "model Ticket {\n  id Int @id\n}\n");
        cli.ok("schema", "--name", "init");
        Path slow = dir.resolve("migrations/changes/99990101000000-slow.yaml");
        Files.writeString(slow, "databaseChangeLog:\n- changeSet:\n    id: 99990101000000-slow\n    author: tests\n    changes:\n"
                + "    - sql:\n        sql: SELECT pg_sleep(CASE WHEN current_setting('application_name') = 'victim' THEN 60 ELSE 0 END)\n"
                + "    - sql:\n        sql: CREATE TABLE \"Slow\" (id INTEGER)\n");
        Files.writeString(dir.resolve("migrations/changelog.yaml"), Files.readString(dir.resolve("migrations/changelog.yaml"))
                + "- include:\n    file: changes/99990101000000-slow.yaml\n    relativeToChangelogFile: true\n");
        return cli;
    }

    @Test
    void aRunKilledMidChangesetDoesNotBlockTheNext() throws Exception {
        String db = TestDatabases.create("killed_run");
        CliRun cli = projectWithASlowChangeset();
        // a real dbtool process, killed with SIGKILL while its changeset runs
        String java = ProcessHandle.current().info().command().orElse("java");
        Process victim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.dbtool.cli.Main", "migrate", "--url", db + "&ApplicationName=victim")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("victim.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!"1".equals(TestDatabases.query(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'victim' AND query LIKE '%pg_sleep%' AND state = 'active'"))) {
                assertTrue(victim.isAlive(), "the victim ended early: " + Files.readString(dir.resolve("victim.log")));
                assertTrue(System.nanoTime() < deadline, "the victim never reached its changeset: " + Files.readString(dir.resolve("victim.log")));
                Thread.sleep(100);
            }
            victim.destroyForcibly(); // SIGKILL
            assertTrue(victim.waitFor(10, TimeUnit.SECONDS));

            long start = System.nanoTime();
            CliRun.Result next = cli.ok("migrate", "--url", db, "--lock-timeout", "20");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds < 15, "the next run waited " + seconds + " s");
            assertEquals("applied 99990101000000-slow\n", next.out(), "the killed run's changeset rolled back and ran again; init stayed applied");
            assertEquals("2", TestDatabases.query(db, "SELECT count(*) FROM databasechangelog"));
            assertEquals("0", TestDatabases.query(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'databasechangeloglock'"), "no lock table is used");
        } finally {
            victim.destroyForcibly();
            TestDatabases.query(db, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'victim'");
        }
    }

    @Test
    void aStuckRunIsNamedAndUnlockTerminateEndsIt() throws Exception {
        String db = TestDatabases.create("stuck_run");
        CliRun cli = projectWithASlowChangeset();
        // what a SIGSTOPped run looks like from the server: a session holding the lock, idle
        Connection stuck = DriverManager.getConnection(db + "&ApplicationName=stuck-run");
        try {
            stuck.setAutoCommit(false);
            int pid;
            try (Statement st = stuck.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid(), pg_advisory_xact_lock(" + KEY + ")")) {
                rs.next();
                pid = rs.getInt(1);
            }
            CliRun.Result waited = cli.run("migrate", "--url", db, "--lock-timeout", "1");
            assertEquals(1, waited.code(), waited.err());
            assertTrue(waited.err().contains("waiting for another migration run to finish: pid " + pid + " (stuck-run)"), waited.err());
            assertTrue(waited.err().contains("migrate unlock --terminate"), waited.err());
            assertEquals("", waited.out());

            CliRun.Result shown = cli.run("migrate", "unlock", "--url", db);
            assertEquals(1, shown.code(), shown.err());
            assertTrue(shown.err().contains("pid " + pid) && shown.err().contains("add --terminate"), shown.err());
            CliRun.Result ended = cli.ok("migrate", "unlock", "--terminate", "--url", db);
            assertTrue(ended.err().contains("Ended the session holding the lock: pid " + pid), ended.err());
            assertFalse(stuck.isValid(2), "the stuck session is gone");

            assertTrue(cli.ok("migrate", "--url", db).out().contains("applied 99990101000000-slow"));
            assertTrue(cli.ok("migrate", "unlock", "--url", db).err().contains("No migration run holds the lock"));
        } finally {
            stuck.close();
        }
    }

    @Test
    void aLiquibaseLockRowLeftBehindWedgesNothingAndUnlockClearsIt() throws Exception {
        String db = TestDatabases.create("stale_row");
        CliRun cli = projectWithASlowChangeset();
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            // what a killed run of Liquibase's own lock service (older dbtool, the Liquibase CLI) leaves
            st.execute("CREATE TABLE databasechangeloglock (id INT PRIMARY KEY, locked BOOLEAN NOT NULL, lockgranted TIMESTAMP, lockedby VARCHAR(255))");
            st.execute("INSERT INTO databasechangeloglock VALUES (1, TRUE, now(), 'a killed host')");
        }
        CliRun.Result r = cli.ok("migrate", "--url", db, "--lock-timeout", "5");
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("applied ")).count(), r.out());
        CliRun.Result unlocked = cli.ok("migrate", "unlock", "--url", db);
        assertTrue(unlocked.err().contains("Cleared 1 Liquibase lock row"), unlocked.err());
        assertEquals("0", TestDatabases.query(db, "SELECT count(*) FROM databasechangeloglock WHERE locked"));
    }

    @Test
    void concurrentRunsEachReportOnlyWhatTheyApplied() throws Exception {
        String db = TestDatabases.create("concurrent_report");
        CliRun cli = new CliRun(dir);
        StringBuilder models = new StringBuilder(HEAD);
        for (int i = 0; i < 6; i++) {
            models.append("model M").append(i).append(" {\n  id Int @id\n}\n\n");
            Files.writeString(dir.resolve("schema.prisma"), models.toString());
            cli.ok("schema", "--name", "m" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CliRun.Result> results = new ArrayList<>();
        try {
            List<Future<CliRun.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) runs.add(pool.submit((Callable<CliRun.Result>) () -> cli.run("migrate", "--url", db)));
            for (Future<CliRun.Result> f : runs) results.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        List<String> reported = new ArrayList<>();
        for (CliRun.Result r : results) {
            assertEquals(0, r.code(), r.err());
            r.out().lines().filter(l -> l.startsWith("applied ")).forEach(reported::add);
        }
        assertEquals(6, reported.size(), "each changeset reported once across the runs: " + reported);
        assertEquals(6, reported.stream().distinct().count());
        assertEquals("6", TestDatabases.query(db, "SELECT count(*) FROM databasechangelog"));
    }

    @Test
    void aWaitingRunDoesNotHoldUpTheHoldersCreateIndexConcurrently() throws Exception {
        String db = TestDatabases.create("waiting_cic");
        CliRun cli = new CliRun(dir);
        Files.writeString(dir.resolve("schema.prisma"), HEAD + "model Ticket {\n  id Int @id\n  agent Int\n}\n");
        cli.ok("schema", "--name", "init");
        Path cic = dir.resolve("migrations/changes/99990101000000-cic.yaml");
        Files.writeString(cic, "databaseChangeLog:\n- changeSet:\n    id: 99990101000000-sleep\n    author: tests\n    changes:\n"
                + "    - sql:\n        sql: SELECT pg_sleep(1.5)\n"
                + "- changeSet:\n    id: 99990101000000-cic\n    author: tests\n    runInTransaction: false\n    changes:\n"
                + "    - sql:\n        sql: CREATE INDEX CONCURRENTLY \"Ticket_agent_idx\" ON \"Ticket\" (agent)\n");
        Files.writeString(dir.resolve("migrations/changelog.yaml"), Files.readString(dir.resolve("migrations/changelog.yaml"))
                + "- include:\n    file: changes/99990101000000-cic.yaml\n    relativeToChangelogFile: true\n");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        try {
            List<Future<CliRun.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) runs.add(pool.submit((Callable<CliRun.Result>) () -> cli.run("migrate", "--url", db, "--lock-timeout", "60")));
            for (Future<CliRun.Result> f : runs) assertEquals(0, f.get(90, TimeUnit.SECONDS).code());
        } finally {
            pool.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 20, "the index build waited for the waiting run: " + seconds + " s");
        assertEquals("1", TestDatabases.query(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'Ticket_agent_idx'"));
    }

    @Test
    void aServerWideIdleTransactionTimeoutDoesNotEndTheLock() throws Exception {
        String db = TestDatabases.create("idle_timeout");
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE \"" + c.getCatalog() + "\" SET idle_in_transaction_session_timeout = '500ms'");
        }
        CliRun cli = new CliRun(dir);
        Files.writeString(dir.resolve("schema.prisma"), HEAD + "model Ticket {\n  id Int @id\n}\n");
        cli.ok("schema", "--name", "init");
        Path slow = dir.resolve("migrations/changes/99990101000000-slow.yaml");
        Files.writeString(slow, "databaseChangeLog:\n- changeSet:\n    id: 99990101000000-slow\n    author: tests\n    changes:\n"
                + "    - sql:\n        sql: SELECT pg_sleep(2)\n");
        Files.writeString(dir.resolve("migrations/changelog.yaml"), Files.readString(dir.resolve("migrations/changelog.yaml"))
                + "- include:\n    file: changes/99990101000000-slow.yaml\n    relativeToChangelogFile: true\n");
        CliRun.Result r = cli.ok("migrate", "--url", db);
        assertEquals(2, r.out().lines().count(), r.out());
        assertFalse(r.err().contains("lock's connection was lost"), "the lock session outlived a 2 s changeset under a 500 ms idle timeout: " + r.err());
    }
}
