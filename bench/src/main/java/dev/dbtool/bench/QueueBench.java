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
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String nodeDir = args.length > 2 ? args[2] : null;
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis.embedded.RedisServer redisServer = redis.embedded.RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
        redisServer.start();
        Bullmq peer = nodeDir == null ? null : new Bullmq(nodeDir, port, jobs);
        try (QueueClient client = QueueClient.connect("redis://127.0.0.1:" + port)) {
            System.out.printf("machine: %d cores; %,d jobs; Redis 6.2 (embedded-redis) on loopback; %d alternating rounds%n",
                    Runtime.getRuntime().availableProcessors(), jobs, rounds);
            for (int round = 1; round <= rounds; round++) {
                dbtool(client, port, jobs, round);
                if (peer != null) peer.round(round);
                io.lettuce.core.RedisClient admin = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
                try (var c = admin.connect()) {
                    c.sync().flushall(); // each round starts from an empty Redis
                } finally {
                    admin.shutdown();
                }
            }
        } finally {
            if (peer != null) peer.close();
            redisServer.stop();
        }
    }

    private static void dbtool(QueueClient client, int port, int jobs, int round) throws Exception {
        SendWelcomeEmailProducer bulk = new SendWelcomeEmailProducer(client, "bench-bulk-" + round);
        long t0 = System.nanoTime();
        addAll(bulk, jobs, false);
        double addSeconds = (System.nanoTime() - t0) / 1e9;
        AtomicInteger done = new AtomicInteger();
        double redisCpu0 = redisCpu(port), jvmCpu0 = jvmCpu();
        long jit0 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        t0 = System.nanoTime();
        Worker<SendWelcomeEmail> w = SendWelcomeEmailWorker.start(client, "bench-bulk-" + round, job -> done.incrementAndGet(), SendWelcomeEmailWorker.settings().withConcurrency(50));
        while (bulk.queue().stats().completed() < jobs) Thread.sleep(20);
        double processSeconds = (System.nanoTime() - t0) / 1e9;
        double drainRedisCpu = redisCpu(port) - redisCpu0, drainJvmCpu = jvmCpu() - jvmCpu0;
        double drainJit = (java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1e3;
        w.close();

        SendWelcomeEmailProducer e2e = new SendWelcomeEmailProducer(client, "bench-e2e-" + round);
        long[] latency = new long[jobs];
        AtomicInteger seen = new AtomicInteger();
        Worker<SendWelcomeEmail> consumer = SendWelcomeEmailWorker.start(client, "bench-e2e-" + round, job -> {
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

        // idle: one job at a time, 10 ms apart, to a worker with nothing else to do
        SendWelcomeEmailProducer idle = new SendWelcomeEmailProducer(client, "bench-idle-" + round);
        long[] idleLatency = new long[500];
        AtomicInteger idleSeen = new AtomicInteger();
        Worker<SendWelcomeEmail> idleWorker = SendWelcomeEmailWorker.start(client, "bench-idle-" + round, job -> {
            idleLatency[idleSeen.getAndIncrement()] = System.nanoTime() - Long.parseLong(job.payload().userId());
        }, SendWelcomeEmailWorker.settings().withConcurrency(50));
        Thread.sleep(500);
        for (int i = 0; i < idleLatency.length; i++) {
            idle.add(new SendWelcomeEmail(Long.toString(System.nanoTime()), "x@example.com", null, null));
            Thread.sleep(10);
        }
        while (idleSeen.get() < idleLatency.length) Thread.sleep(20);
        idleWorker.close();
        Arrays.sort(idleLatency);
        System.out.printf(Locale.ROOT, "round %d dbtool: added %,.0f jobs/s (bulk), processed %,.0f jobs/s (add all, then drain; concurrency 50, no-op), "
                + "add all then drain end to end %,.0f jobs/s, end to end %,.0f jobs/s (adding while draining), p99 enqueue-to-start under load %.1f ms, "
                + "idle p50/p99 %.1f/%.1f ms; worker JVM heap after GC %.0f MiB, %s; CPU while draining: Redis %.1f µs/job, JVM %.1f µs/job "
                + "(of which JIT compilers %.1f s in all)%n", round, jobs / addSeconds, jobs / processSeconds, jobs / (addSeconds + processSeconds), jobs / e2eSeconds,
                latency[(int) (jobs * 0.99) - 1] / 1e6, idleLatency[249] / 1e6, idleLatency[494] / 1e6, heap / 1048576.0, rss,
                drainRedisCpu * 1e6 / jobs, drainJvmCpu * 1e6 / jobs, drainJit);
    }

    /** Redis's CPU seconds so far (user + system, all its threads). */
    static double redisCpu(int port) {
        io.lettuce.core.RedisClient admin = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
        try (var c = admin.connect()) {
            double sum = 0;
            for (String line : c.sync().info("cpu").split("\r?\n")) {
                if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) sum += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
            return sum;
        } finally {
            admin.shutdown();
        }
    }

    /** This JVM's CPU seconds so far. */
    static double jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static void addAll(SendWelcomeEmailProducer producer, int jobs, boolean stamp) {
        for (int i = 0; i < jobs; i += 1000) {
            List<SendWelcomeEmail> batch = new ArrayList<>();
            for (int j = i; j < Math.min(jobs, i + 1000); j++) batch.add(new SendWelcomeEmail(stamp ? Long.toString(System.nanoTime()) : Integer.toString(j), "x@example.com", null, null));
            producer.addBulk(batch);
        }
    }

    /** BullMQ's side: one node process for every round (a warm V8 in later rounds, as the JVM is warm in its later rounds). */
    private static final class Bullmq implements AutoCloseable {
        private final Process process;
        private final java.io.Writer in;
        private final BufferedReader out;
        private final int jobs;

        Bullmq(String nodeDir, int port, int jobs) throws java.io.IOException {
            this.jobs = jobs;
            this.process = new ProcessBuilder("node", "bullmq-bench.mjs", Integer.toString(port), Integer.toString(jobs)).directory(Path.of(nodeDir).toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        void round(int round) throws Exception {
            in.write(round + "\n");
            in.flush();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("{")) {
                // BullMQ's own output
            }
            if (line == null) {
                System.out.println("round " + round + " BullMQ: did not run (the node process ended)");
                return;
            }
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            double added = json.path("added").asDouble(), processed = json.path("processed").asDouble();
            System.out.printf(Locale.ROOT, "round %d BullMQ: added %,.0f jobs/s (bulk), processed %,.0f jobs/s (add all, then drain; concurrency 50, no-op), "
                    + "add all then drain end to end %,.0f jobs/s, end to end %,.0f jobs/s (adding while draining), p99 enqueue-to-start under load %.1f ms, "
                    + "idle p50/p99 %.1f/%.1f ms%n", round, added, processed, jobs / (jobs / added + jobs / processed), json.path("endToEnd").asDouble(),
                    json.path("p99").asDouble(), json.path("idleP50").asDouble(), json.path("idleP99").asDouble());
        }

        @Override
        public void close() throws Exception {
            in.close();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
