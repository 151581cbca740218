package dev.dbtool.database.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The lock dbtool migration runs take turns on: a transaction-level advisory lock held by an open transaction on a
 * connection of its own. It ends with that transaction, so a run that is killed (kill -9, a lost network) never wedges
 * the next: PostgreSQL ends the backend and the lock with it. A transaction lock, unlike a session one, also holds
 * through PgBouncer in transaction pooling, which pins a server connection to an open transaction. Liquibase's
 * lock row is not used ({@link HeldLockService}).
 */
final class MigrationLock implements AutoCloseable {
    /** "dbtool" in ASCII: the key every dbtool migration run locks. */
    static final long KEY = 0x6462746f6f6cL;
    private static final ThreadLocal<Boolean> HELD = ThreadLocal.withInitial(() -> false);
    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    /** Whether this thread holds the lock ({@link HeldLockService} lets Liquibase work only then). */
    static boolean heldByThisThread() { return HELD.get(); }

    /**
     * Waits for the lock, telling {@code notices} once who holds it; gives up after {@code timeout} with a message
     * that names the holder and the way out.
     */
    static MigrationLock take(String jdbcUrl, Properties props, Duration timeout, Consumer<String> notices) throws SQLException, MigrationException {
        Connection c = DriverManager.getConnection(jdbcUrl, props);
        try {
            c.setAutoCommit(false);
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean told = false;
            while (!tryLock(c)) {
                Migrator.Holder holder = holder(c);
                if (System.nanoTime() > deadline) {
                    throw new MigrationException("another migration run holds the lock" + (holder == null ? "" : " (" + holder + ")") + " after "
                            + timeout.toSeconds() + " s of waiting; if that run is stuck, `dbtool migrate unlock --terminate` ends its session", null, false);
                }
                if (!told) {
                    notices.accept("waiting for another migration run to finish" + (holder == null ? "" : ": " + holder));
                    told = true;
                }
                // no open transaction while waiting: its snapshot would make the holder's CREATE INDEX CONCURRENTLY wait for us
                c.rollback();
                Thread.sleep(200);
            }
            try (Statement st = c.createStatement()) {
                // The lock transaction sits idle for the whole run: a server-wide idle timeout must not end it, and it must
                // hold no snapshot (a SET as its last statement leaves none), or CREATE INDEX CONCURRENTLY would wait for it.
                st.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
            }
            HELD.set(true);
            return new MigrationLock(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.close();
            throw new MigrationException("interrupted while waiting for the migration lock", e, false);
        } catch (SQLException | MigrationException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT pg_try_advisory_xact_lock(" + KEY + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The session holding the migration lock on this database, if any. */
    static Migrator.Holder holder(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT a.pid, a.application_name, host(a.client_addr), to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1")) {
            ps.setLong(1, KEY >>> 32);
            ps.setLong(2, KEY & 0xffffffffL);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Migrator.Holder(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)) : null;
            }
        }
    }

    /**
     * Names the run's working session in the lock session's application_name, so {@code migrate unlock --terminate}
     * can end both (a stopped run's working session may hold table locks mid-changeset).
     */
    void working(Connection work) throws SQLException {
        int pid;
        try (Statement st = work.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL application_name = '" + WORK_PREFIX + pid + "'"); // a SET: leaves no snapshot behind
        }
    }

    static final String WORK_PREFIX = "dbtool migrate, working session pid ";

    /** The working session a holder names, or 0. */
    static int workingPid(Migrator.Holder holder) {
        String app = holder.application();
        if (app == null || !app.startsWith(WORK_PREFIX)) return 0;
        try {
            return Integer.parseInt(app.substring(WORK_PREFIX.length()).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the lock's connection is still alive (a server that ended it ended the lock too). */
    boolean alive() {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        HELD.set(false);
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            // the lock ends with the connection either way
        }
    }
}
