package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections for resolvers: plain reads, and mutations in one transaction (committed, or rolled back on any error).
 * Inside {@link #atomically} (a mutation marked {@code @transaction}) every read and transaction of the request runs on
 * one connection in one transaction, and work registered with {@link #afterCommit} waits for its commit.
 */
public final class Database {
    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** The request-wide transaction of this thread, if one is open, and what runs once it commits. */
    private record Ambient(Connection connection, java.util.List<Runnable> afterCommit) {}

    private final DataSource dataSource;
    private final ThreadLocal<Ambient> ambient = new ThreadLocal<>();

    public Database(DataSource dataSource) { this.dataSource = dataSource; }

    public DataSource dataSource() { return dataSource; }

    public <T> T read(Work<T> work) throws SQLException {
        Ambient a = ambient.get();
        if (a != null) return work.run(a.connection());
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        }
    }

    public <T> T transaction(Work<T> work) throws SQLException {
        Ambient a = ambient.get();
        if (a != null) return work.run(a.connection()); // part of the request's transaction: committed with it
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /** Whether this thread's work runs in a request-wide transaction (its reads may see what it has not committed). */
    public boolean inTransaction() { return ambient.get() != null; }

    /** Runs {@code action} once the current work is committed: now, or when the request-wide transaction commits (never if it rolls back). */
    public void afterCommit(Runnable action) {
        Ambient a = ambient.get();
        if (a == null) action.run();
        else a.afterCommit().add(action);
    }

    /**
     * Runs {@code request} (a whole mutation, on this thread) in one transaction: committed when {@code commit} says so
     * of its result, else rolled back; then the after-commit work of a committed one runs.
     */
    public <R> R atomically(java.util.function.Supplier<R> request, java.util.function.Predicate<R> commit) throws SQLException {
        if (ambient.get() != null) return request.get();
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            Ambient a = new Ambient(c, new java.util.ArrayList<>());
            ambient.set(a);
            R result;
            try {
                result = request.get();
                if (commit.test(result)) c.commit();
                else {
                    c.rollback();
                    a.afterCommit().clear();
                }
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                ambient.remove();
                c.setAutoCommit(auto);
            }
            a.afterCommit().forEach(Runnable::run);
            return result;
        }
    }
}
