package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Jobs enqueued inside a database transaction: a row of {@code dbtool_job_outbox} written with the caller's
 * connection, so it commits or rolls back with the caller's own writes. {@link OutboxRelay} moves committed rows to
 * Redis. The table comes with the Liquibase changeset {@code dbtool queue-job} writes.
 */
public final class Outbox {
    public static final String TABLE = "dbtool_job_outbox";

    private Outbox() {}

    /** An untyped job (a queue without job types). */
    public static void enqueue(Connection c, String queue, String payloadJson, JobOptions o) throws SQLException {
        enqueue(c, queue, null, payloadJson, o);
    }

    /** A job of the type {@code jobType} (the column {@code job_type} comes with the changeset {@code dbtool-job-outbox-type}). */
    public static void enqueue(Connection c, String queue, String jobType, String payloadJson, JobOptions o) throws SQLException {
        String sql = jobType == null ? "INSERT INTO " + TABLE + " (queue, job_id, payload, delay_ms, priority) VALUES (?, ?, ?, ?, ?)"
                : "INSERT INTO " + TABLE + " (queue, job_id, payload, delay_ms, priority, job_type) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, queue);
            ps.setString(2, o.jobId());
            ps.setString(3, payloadJson);
            ps.setLong(4, o.delay().toMillis());
            ps.setInt(5, o.priority());
            if (jobType != null) ps.setString(6, jobType);
            ps.executeUpdate();
        }
    }
}
