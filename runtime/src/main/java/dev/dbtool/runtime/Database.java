package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections for resolvers: plain reads, and mutations in one transaction (committed, or rolled back on any error). */
public final class Database {
    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    public Database(DataSource dataSource) { this.dataSource = dataSource; }

    public DataSource dataSource() { return dataSource; }

    public <T> T read(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        }
    }

    public <T> T transaction(Work<T> work) throws SQLException {
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
}
