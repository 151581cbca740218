package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Exactly-once effects over at-least-once delivery: {@link #once} records the job id in {@code dbtool_processed_jobs}
 * in the same transaction as the handler's own writes, so a job delivered twice (its worker died between finishing and
 * acknowledging) changes the database once. The table comes with the changeset {@code dbtool queue-job} writes.
 */
public final class Idempotency {
    public static final String TABLE = "dbtool_processed_jobs";

    /** The handler's database work, on the transaction's connection. */
    @FunctionalInterface
    public interface Work {
        void run(Connection c) throws SQLException;
    }

    private Idempotency() {}

    /** Runs {@code work} and records the job in one transaction; returns false (and runs nothing) when it was recorded before. */
    public static boolean once(DataSource dataSource, JobContext<?> job, Work work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (queue, job_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, job.queue());
                    ps.setString(2, job.id());
                    if (ps.executeUpdate() == 0) {
                        c.rollback();
                        return false;
                    }
                }
                work.run(c);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
