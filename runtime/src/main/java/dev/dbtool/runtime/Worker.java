package dev.dbtool.runtime;

import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a handler over a queue: up to {@code concurrency} jobs at once in this process (any number of processes may
 * run workers on the same queue), a per-job timeout, retries with exponential backoff and jitter, dead letters,
 * reclaim of jobs whose worker died or hangs after the visibility timeout, repeatable (cron) jobs, a rate limit, and a
 * graceful {@link #close()}: stop fetching, let running jobs finish within the grace period, hand the rest back.
 */
public final class Worker<T> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    /** How a worker runs; the defaults come from the job's DSL block. */
    public record Settings(int concurrency, Duration timeout, Duration visibility, Duration grace, int keepCompleted, Duration keepCompletedAge, int keepDead,
                           Duration keepDeadAge, int maxStalls, Integer rateLimit, Duration rateWindow) {
        public static Settings of(JobDefaults d) {
            Duration timeout = Duration.ofMillis(d.timeoutMs() > 0 ? d.timeoutMs() : 60_000);
            return new Settings(d.concurrency(), timeout, timeout.multipliedBy(2).plusSeconds(5), Duration.ofSeconds(10), 1000, Duration.ofHours(24), 10_000,
                    Duration.ofDays(7), 5, null, Duration.ofSeconds(1));
        }

        public Settings withConcurrency(int n) { return new Settings(n, timeout, visibility, grace, keepCompleted, keepCompletedAge, keepDead, keepDeadAge, maxStalls, rateLimit, rateWindow); }

        public Settings withTimeout(Duration t) { return new Settings(concurrency, t, visibility, grace, keepCompleted, keepCompletedAge, keepDead, keepDeadAge, maxStalls, rateLimit, rateWindow); }

        /** How long a delivered job may stay unacknowledged before another worker takes it over (longer than the timeout). */
        public Settings withVisibility(Duration v) { return new Settings(concurrency, timeout, v, grace, keepCompleted, keepCompletedAge, keepDead, keepDeadAge, maxStalls, rateLimit, rateWindow); }

        public Settings withGrace(Duration g) { return new Settings(concurrency, timeout, visibility, g, keepCompleted, keepCompletedAge, keepDead, keepDeadAge, maxStalls, rateLimit, rateWindow); }

        public Settings withRetention(int completed, Duration completedAge, int dead, Duration deadAge) {
            return new Settings(concurrency, timeout, visibility, grace, completed, completedAge, dead, deadAge, maxStalls, rateLimit, rateWindow);
        }

        /** At most {@code jobs} started per {@code window}, across every worker of the queue. */
        public Settings withRateLimit(int jobs, Duration window) { return new Settings(concurrency, timeout, visibility, grace, keepCompleted, keepCompletedAge, keepDead, keepDeadAge, maxStalls, jobs, window); }
    }

    private final JobQueue queue;
    private final Function<String, T> decode;
    private final JobHandler<T> handler;
    private final Settings settings;
    private final String consumer;
    private final ExecutorService jobs;
    private final ScheduledExecutorService timers;
    private final Semaphore slots;
    private final Set<Delivery> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Cron> repeats = new ConcurrentHashMap<>();
    private final Map<String, String> repeatPayloads = new ConcurrentHashMap<>();
    private final Map<String, Long> repeatScheduled = new ConcurrentHashMap<>();
    private final JobDefaults defaults;
    private final Thread fetcher;
    private final Thread settler;
    private final java.util.concurrent.LinkedBlockingQueue<Delivery> succeeded = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean stopping;

    public Worker(JobQueue queue, JobDefaults defaults, Function<String, T> decode, JobHandler<T> handler, Settings settings) {
        this.queue = queue;
        this.defaults = defaults;
        this.decode = decode;
        this.handler = handler;
        this.settings = settings;
        this.consumer = ManagementFactory.getRuntimeMXBean().getName() + "-" + Integer.toHexString(System.identityHashCode(this));
        this.jobs = Executors.newFixedThreadPool(settings.concurrency(), r -> new Thread(r, queue.name() + "-job"));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, queue.name() + "-timer");
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(settings.concurrency());
        this.fetcher = new Thread(this::fetchLoop, queue.name() + "-fetch");
        this.settler = new Thread(this::settleLoop, queue.name() + "-settle");
        this.settler.setDaemon(true);
    }

    /**
     * Acknowledges successes in batches (one script per batch instead of one per job). A job is acknowledged a few
     * milliseconds after its handler returned; a crash in between redelivers it: at-least-once, as always.
     */
    private void settleLoop() {
        List<Delivery> batch = new java.util.ArrayList<>();
        while (true) {
            try {
                Delivery first = succeeded.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping && running.isEmpty()) return;
                    continue;
                }
                batch.add(first);
                succeeded.drainTo(batch, 199);
                queue.completeAll(batch, settings.keepCompleted(), settings.keepCompletedAge());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Redis is away: these stay pending and are redelivered after the visibility timeout
                LOG.log(System.Logger.Level.WARNING, "queue " + queue.name() + ": could not acknowledge " + batch.size() + " jobs", e);
            } finally {
                batch.clear();
            }
        }
    }

    public Worker<T> start() {
        settler.start();
        fetcher.start();
        return this;
    }

    /** Schedules {@code payloadJson} on {@code cron} (UTC): each fire time becomes one job, whatever the number of workers. */
    public Worker<T> repeat(String name, String cron, String payloadJson) {
        repeats.put(name, Cron.parse(cron));
        repeatPayloads.put(name, payloadJson);
        return this;
    }

    private void fetchLoop() {
        long lastReclaim = 0;
        long lastPromote = 0;
        try (StatefulRedisConnection<String, String> conn = queue.client().blocking()) {
            while (!stopping) {
                try {
                    long now = System.currentTimeMillis();
                    if (now - lastPromote >= 50) {
                        lastPromote = now;
                        queue.promote(500);
                        scheduleRepeats();
                    }
                    if (now - lastReclaim > Math.max(500, settings.visibility().toMillis() / 4)) {
                        lastReclaim = now;
                        for (Delivery d : queue.reclaim(consumer, settings.visibility(), settings.concurrency())) dispatchReclaimed(d);
                    }
                    int free = slots.availablePermits();
                    if (free == 0) {
                        slots.acquire();
                        slots.release();
                        continue;
                    }
                    int n = settings.rateLimit() == null ? free : queue.take(free, settings.rateLimit(), settings.rateWindow());
                    if (n == 0) {
                        Thread.sleep(Math.min(100, settings.rateWindow().toMillis()));
                        continue;
                    }
                    List<Delivery> got = queue.read(conn, consumer, n, Duration.ofMillis(200));
                    for (Delivery d : got) dispatch(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (stopping) return;
                    LOG.log(System.Logger.Level.WARNING, "queue " + queue.name() + ": fetch failed, retrying", e);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void scheduleRepeats() {
        for (Map.Entry<String, Cron> r : repeats.entrySet()) {
            long now = System.currentTimeMillis();
            long scheduled = repeatScheduled.getOrDefault(r.getKey(), 0L);
            if (scheduled > now) continue;
            long next = r.getValue().next(ZonedDateTime.now(ZoneOffset.UTC)).toInstant().toEpochMilli();
            // one job per fire time: the id is the same in every worker, so only the first add counts
            queue.add(repeatPayloads.get(r.getKey()), JobOptions.id("repeat:" + r.getKey() + ":" + next).withDelay(Duration.ofMillis(Math.max(0, next - now))), defaults);
            repeatScheduled.put(r.getKey(), next);
        }
    }

    private void dispatchReclaimed(Delivery d) throws InterruptedException {
        int stalls = Integer.parseInt(d.job().getOrDefault("stalls", "1"));
        if (stalls > settings.maxStalls()) {
            queue.deadLetter(d, new IllegalStateException("stalled " + stalls + " times: its worker died or hung each time"), settings.keepDead(), settings.keepDeadAge());
            return;
        }
        dispatch(d);
    }

    private void dispatch(Delivery d) throws InterruptedException {
        slots.acquire();
        running.add(d);
        try {
            jobs.execute(() -> run(d));
        } catch (RuntimeException e) {
            running.remove(d);
            slots.release();
            throw e;
        }
    }

    private void run(Delivery d) {
        Thread me = Thread.currentThread();
        boolean[] timedOut = {false};
        ScheduledFuture<?> watchdog = timers.schedule(() -> {
            timedOut[0] = true;
            me.interrupt();
        }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        Throwable failure = null;
        try {
            T payload = decode.apply(d.job().get("payload"));
            handler.handle(new JobContext<>(queue, d.jobId(), payload, d.attempt()));
        } catch (Throwable t) {
            failure = t;
        } finally {
            watchdog.cancel(false);
            Thread.interrupted();
        }
        try {
            if (timedOut[0]) failure = new TimeoutException("the job ran longer than " + settings.timeout().toMillis() + " ms");
            if (failure == null) succeeded.add(d);
            else queue.fail(d, failure, settings.keepDead(), settings.keepDeadAge());
        } catch (RuntimeException e) {
            // Redis is away: the delivery stays pending and is reclaimed after the visibility timeout
            LOG.log(System.Logger.Level.WARNING, "queue " + queue.name() + ": could not settle job " + d.jobId(), e);
        } finally {
            running.remove(d);
            slots.release();
        }
    }

    /** Jobs running right now in this worker. */
    public int active() { return running.size(); }

    /** Stops fetching, waits up to the grace period for running jobs, hands the rest back to the queue. */
    @Override
    public void close() {
        stopping = true;
        fetcher.interrupt();
        try {
            fetcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(settings.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                for (Delivery d : running) queue.handBack(d);
                jobs.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            settler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
    }
}
