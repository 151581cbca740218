package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Moves committed outbox rows to their queues, exactly once into Redis: in one transaction it locks a batch of rows
 * ({@code FOR UPDATE SKIP LOCKED}, so several relays share the work), adds each job under the id {@code outbox:<row id>}
 * (or the caller's job id) and deletes the rows. A relay killed after the add and before the commit leaves the rows;
 * the next pass adds them again and de-duplication by job id keeps one job.
 */
public final class OutboxRelay implements AutoCloseable {
    /** Where rows of one job type go: its queue handle (typed) and its defaults ({@code <Job>Producer.outboxTarget()}). */
    public record Target(JobQueue queue, JobDefaults defaults) {}

    private final DataSource dataSource;
    /** Targets by job type, for rows that name theirs. */
    private final Map<String, Target> byType = new java.util.HashMap<>();
    /** Targets by queue, for rows without a job type (written before the column, or untyped): only queues of one target. */
    private final Map<String, Target> byQueue = new java.util.HashMap<>();
    private final Thread thread;
    private volatile boolean stopping;

    /** A relay for these job types; a row of a type none of them has stays in the outbox for a relay that knows it. */
    public OutboxRelay(DataSource dataSource, List<Target> targets) {
        this.dataSource = dataSource;
        Map<String, Integer> perQueue = new java.util.HashMap<>();
        for (Target t : targets) {
            if (t.queue().type() != null) byType.put(t.queue().type(), t);
            perQueue.merge(t.queue().name(), 1, Integer::sum);
            byQueue.put(t.queue().name(), t);
        }
        byQueue.keySet().removeIf(q -> perQueue.get(q) > 1);
        this.thread = new Thread(this::loop, "outbox-relay");
    }

    /** A relay by queue name: each queue's handle and defaults. */
    public OutboxRelay(DataSource dataSource, Map<String, JobQueue> queues, Map<String, JobDefaults> defaults) {
        this(dataSource, queues.entrySet().stream().map(e -> new Target(e.getValue(), defaults.get(e.getKey()))).toList());
    }

    /** Polls every {@code interval} until closed. */
    public OutboxRelay start(Duration interval) {
        this.interval = interval;
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private volatile Duration interval = Duration.ofMillis(200);

    private void loop() {
        while (!stopping) {
            try {
                if (relayOnce(500) == 0) Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                System.getLogger(OutboxRelay.class.getName()).log(System.Logger.Level.WARNING, "outbox relay pass failed; retrying", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** One pass over at most {@code batch} rows; returns how many were relayed. */
    public int relayOnce(int batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<long[]> done = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, queue, job_id, payload, delay_ms, priority, " + typeColumn(c) + " FROM " + Outbox.TABLE
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                    ps.setInt(1, batch);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String type = rs.getString(7);
                            Target t = type != null ? byType.get(type) : byQueue.get(rs.getString(2));
                            if (t == null || !t.queue().name().equals(rs.getString(2))) continue;
                            String id = rs.getString(3) != null ? rs.getString(3) : "outbox:" + rs.getLong(1);
                            t.queue().add(rs.getString(4), JobOptions.id(id).withDelay(Duration.ofMillis(rs.getLong(5))).withPriority(rs.getInt(6)), t.defaults());
                            done.add(new long[] {rs.getLong(1)});
                        }
                    }
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM " + Outbox.TABLE + " WHERE id = ?")) {
                    for (long[] row : done) {
                        del.setLong(1, row[0]);
                        del.addBatch();
                    }
                    del.executeBatch();
                }
                c.commit();
                return done.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private volatile Boolean typed;

    /** {@code job_type}, or NULL on a table from before the changeset that adds it (looked up again until it is there). */
    private String typeColumn(Connection c) throws SQLException {
        if (typed == null || !typed) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'job_type' AND NOT attisdropped")) {
                ps.setString(1, Outbox.TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    typed = rs.next();
                }
            }
        }
        return typed ? "job_type" : "NULL::text";
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
