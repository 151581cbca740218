package dev.dbtool.bench;

import com.example.blog.generated.QueueClient;
import com.example.blog.generated.SendWelcomeEmail;
import com.example.blog.generated.SendWelcomeEmailProducer;
import com.example.blog.generated.SendWelcomeEmailWorker;
import com.example.blog.generated.Worker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The generated job queue against BullMQ on one local Redis (issue #10): bulk add, processing at concurrency 50 with a
 * no-op handler, and end to end (adding while a worker consumes) for JOBS jobs, with the p99 enqueue-to-start latency
 * and the worker JVM's memory; then the same with BullMQ (Node) when NODE_DIR holds it.
 * Usage: QueueBench JOBS [NODE_DIR]
 */
public final class QueueBench {
    private QueueBench() {}

    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis.embedded.RedisServer redisServer = redis.embedded.RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
        redisServer.start();
        try (QueueClient client = QueueClient.connect("redis://127.0.0.1:" + port)) {
            System.out.printf("machine: %d cores; %,d jobs; Redis 6.2 (embedded-redis) on loopback%n", Runtime.getRuntime().availableProcessors(), jobs);
            SendWelcomeEmailProducer bulk = new SendWelcomeEmailProducer(client, "bench-bulk");
            long t0 = System.nanoTime();
            addAll(bulk, jobs, false);
            double addSeconds = (System.nanoTime() - t0) / 1e9;
            AtomicInteger done = new AtomicInteger();
            t0 = System.nanoTime();
            Worker<SendWelcomeEmail> w = SendWelcomeEmailWorker.start(client, "bench-bulk", job -> done.incrementAndGet(), SendWelcomeEmailWorker.settings().withConcurrency(50));
            while (bulk.queue().stats().completed() < jobs) Thread.sleep(20);
            double processSeconds = (System.nanoTime() - t0) / 1e9;
            w.close();

            SendWelcomeEmailProducer e2e = new SendWelcomeEmailProducer(client, "bench-e2e");
            long[] latency = new long[jobs];
            AtomicInteger seen = new AtomicInteger();
            Worker<SendWelcomeEmail> consumer = SendWelcomeEmailWorker.start(client, "bench-e2e", job -> {
                int i = seen.getAndIncrement();
                if (i < latency.length) latency[i] = System.nanoTime() - Long.parseLong(job.payload().userId());
            }, SendWelcomeEmailWorker.settings().withConcurrency(50));
            t0 = System.nanoTime();
            addAll(e2e, jobs, true);
            while (e2e.queue().stats().completed() < jobs) Thread.sleep(20);
            double e2eSeconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
            consumer.close();
            Arrays.sort(latency);
            System.out.printf(Locale.ROOT, "dbtool: added %,.0f jobs/s (bulk), processed %,.0f jobs/s (concurrency 50, no-op), end to end %,.0f jobs/s, "
                    + "p99 enqueue-to-start %.1f ms; worker JVM heap after GC %.0f MiB, %s%n", jobs / addSeconds, jobs / processSeconds, jobs / e2eSeconds,
                    latency[(int) (jobs * 0.99) - 1] / 1e6, heap / 1048576.0, rss);
            if (args.length > 1) bullmq(args[1], port, jobs);
        } finally {
            redisServer.stop();
        }
    }

    private static void addAll(SendWelcomeEmailProducer producer, int jobs, boolean stamp) {
        for (int i = 0; i < jobs; i += 1000) {
            List<SendWelcomeEmail> batch = new ArrayList<>();
            for (int j = i; j < Math.min(jobs, i + 1000); j++) batch.add(new SendWelcomeEmail(stamp ? Long.toString(System.nanoTime()) : Integer.toString(j), "x@example.com", null, null));
            producer.addBulk(batch);
        }
    }

    private static void bullmq(String nodeDir, int port, int jobs) throws Exception {
        Process p = new ProcessBuilder("node", "bullmq-bench.mjs", Integer.toString(port), Integer.toString(jobs)).directory(Path.of(nodeDir).toFile())
                .redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) last = line;
        }
        if (p.waitFor() != 0 || last == null || !last.startsWith("{")) {
            System.out.println("BullMQ: did not run (" + last + ")");
            return;
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last);
        System.out.printf(Locale.ROOT, "BullMQ: added %,.0f jobs/s (bulk), processed %,.0f jobs/s (concurrency 50, no-op), end to end %,.0f jobs/s, p99 enqueue-to-start %.1f ms%n",
                json.path("added").asDouble(), json.path("processed").asDouble(), json.path("endToEnd").asDouble(), json.path("p99").asDouble());
    }
}
