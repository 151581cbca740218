package dev.dbtool.examples.queue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Helpers of the queue tests: the effects table, worker processes. */
final class QueueTestSupport {
    private QueueTestSupport() {}

    /** The handler's "effect": a row per job id counting how often it was applied (must end at 1). */
    static void recordEffect(Connection c, String jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_effects (job_id, n) VALUES (?, 1) ON CONFLICT (job_id) DO UPDATE SET n = job_effects.n + 1")) {
            ps.setString(1, jobId);
            ps.executeUpdate();
        }
    }

    /** Starts a worker JVM and waits until it says it is ready. */
    static Process startWorker(String redisUrl, String jdbcUrl, String prefix, long sleepMs, long visibilityMs, int concurrency) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), QueueWorkerProcess.class.getName(), redisUrl, jdbcUrl, prefix, Long.toString(sleepMs), Long.toString(visibilityMs),
                Integer.toString(concurrency));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            // start-up output (logging) is skipped
        }
        if (line == null) throw new IllegalStateException("the worker process ended before it was ready");
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling up
                }
            } catch (java.io.IOException e) {
                // the process is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    static final List<String> EFFECTS_DDL = List.of("CREATE TABLE IF NOT EXISTS job_effects (job_id TEXT PRIMARY KEY, n INTEGER NOT NULL)");
}
