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
    private final DataSource dataSource;
    private final Map<String, JobQueue> queues;
    private final Map<String, JobDefaults> defaults;
    private final Thread thread;
    private volatile boolean stopping;

    public OutboxRelay(DataSource dataSource, Map<String, JobQueue> queues, Map<String, JobDefaults> defaults) {
        this.dataSource = dataSource;
        this.queues = Map.copyOf(queues);
        this.defaults = Map.copyOf(defaults);
        this.thread = new Thread(this::loop, "outbox-relay");
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
                try (PreparedStatement ps = c.prepareStatement("SELECT id, queue, job_id, payload, delay_ms, priority FROM " + Outbox.TABLE
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                    ps.setInt(1, batch);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            JobQueue q = queues.get(rs.getString(2));
                            if (q == null) continue;
                            String id = rs.getString(3) != null ? rs.getString(3) : "outbox:" + rs.getLong(1);
                            q.add(rs.getString(4), JobOptions.id(id).withDelay(Duration.ofMillis(rs.getLong(5))).withPriority(rs.getInt(6)), defaults.get(rs.getString(2)));
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
