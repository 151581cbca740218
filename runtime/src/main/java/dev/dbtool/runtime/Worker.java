package dev.dbtool.runtime;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a handler over a queue: up to {@code concurrency} jobs at once in this process (any number of processes may
 * run workers on the same queue), a per-job timeout, retries with exponential backoff and jitter, dead letters,
 * reclaim of jobs whose worker died or hangs after the visibility timeout, repeatable (cron) jobs, a rate limit, and a
 * graceful {@link #close()}: stop fetching, let running jobs finish within the grace period, hand the rest back.
 * Outcomes are settled by one thread that retries what Redis could not take (a blip, a failover) until it lands or
 * the visibility timeout makes the job another worker's; entries it cannot run (no job id, a payload that does not
 * decode or validate, a job type it does not run) are dead-lettered at once with the reason; a consumer group lost with
 * Redis's data is created again. A queue shared by several job types is run by one worker with a {@link Route} per type
 * ({@link #routing}): each entry goes to its type's decoder, validation and handler.
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

    /**
     * One job type a worker runs: its defaults (for the jobs its repeat schedules add), how its payload decodes and
     * validates, and its handler. {@code type} null: an untyped queue, every entry goes to this route.
     */
    public record Route<P>(String type, JobDefaults defaults, Function<String, P> decode, JobHandler<P> handler) {}

    private final JobQueue queue;
    /** The routes by job type; {@link #only} when there is one. */
    private final Map<String, Route<?>> routes = new java.util.HashMap<>();
    private final Route<?> only;
    private final Settings settings;
    private final String consumer;
    private final ExecutorService jobs;
    private final java.util.concurrent.atomic.AtomicLong abandoned = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong settleRetries = new java.util.concurrent.atomic.AtomicLong();
    private final ScheduledExecutorService timers;
    private final Semaphore slots;
    private final Set<Delivery> running = ConcurrentHashMap.newKeySet();
    /** Handler runs in progress, each with its deadline: the watchdog's list (one sweep for all, not a timer per job). */
    private final Set<Run> runs = ConcurrentHashMap.newKeySet();

    /** One handler run: its thread, when it times out, and whether it is over (settled by itself or by the watchdog). */
    private static final class Run {
        final Delivery delivery;
        final Thread thread = Thread.currentThread();
        final long deadline;
        final java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();

        Run(Delivery delivery, long deadline) {
            this.delivery = delivery;
            this.deadline = deadline;
        }
    }
    /** The fire time this worker last added a job for, per schedule. */
    private final Map<String, Long> repeatScheduled = new ConcurrentHashMap<>();
    private Map<String, JobQueue.Schedule> schedules = Map.of();
    private long schedulesReadAt;
    private final Thread fetcher;
    private final Thread settler;
    /** What a handler run came to: success (no failure), a failure to retry, or a rejection (dead-letter at once). */
    private record Outcome(Delivery delivery, Throwable failure, String rejected, long at) {}

    private final java.util.concurrent.LinkedBlockingQueue<Outcome> outcomes = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean stopping;

    /** A worker of one job type: {@code queue}'s (entries without a type are taken as that type too). */
    public Worker(JobQueue queue, JobDefaults defaults, Function<String, T> decode, JobHandler<T> handler, Settings settings) {
        this(queue, settings, List.of(new Route<>(queue.type(), defaults, decode, handler)));
    }

    /**
     * A worker of a queue shared by several job types: each entry goes to the route of its type; an entry of another
     * type, or without one, is dead-lettered with the reason. {@code queue} is the untyped handle of the queue.
     */
    public static Worker<Object> routing(JobQueue queue, Settings settings, List<Route<?>> routes) {
        if (routes.isEmpty()) throw new IllegalArgumentException("a worker needs at least one route");
        return new Worker<>(queue, settings, routes);
    }

    private Worker(JobQueue queue, Settings settings, List<Route<?>> routes) {
        this.queue = queue;
        for (Route<?> r : routes) {
            if (routes.size() > 1 && (r.type() == null || r.type().isEmpty())) throw new IllegalArgumentException("each route of a shared queue needs its job type");
            if (this.routes.put(r.type(), r) != null) throw new IllegalArgumentException("two routes for the job type " + r.type());
        }
        this.only = routes.size() == 1 ? routes.get(0) : null;
        this.settings = settings;
        this.consumer = ManagementFactory.getRuntimeMXBean().getName() + "-" + Integer.toHexString(System.identityHashCode(this));
        // the semaphore bounds concurrency; a handler abandoned at its timeout keeps its thread until it returns
        this.jobs = Executors.newCachedThreadPool(r -> new Thread(r, queue.name() + "-job"));
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
     * Settles outcomes: successes in batches (one script per batch instead of one per job), failures and rejections one
     * by one. A job is acknowledged a few milliseconds after its handler returned. What Redis cannot take is kept and
     * retried (backing off to 1 s) until it lands; only outcomes older than the visibility timeout are given up, since by
     * then the job is another worker's (a redelivery: at-least-once, as documented).
     */
    private void settleLoop() {
        List<Outcome> unsettled = new java.util.ArrayList<>();
        long wait = 200;
        while (true) {
            try {
                Outcome next = outcomes.poll(wait, TimeUnit.MILLISECONDS);
                if (next != null) {
                    unsettled.add(next);
                    outcomes.drainTo(unsettled, 499);
                }
                if (unsettled.isEmpty()) {
                    if (stopping && running.isEmpty() && outcomes.isEmpty()) return;
                    wait = 200;
                    continue;
                }
                settle(unsettled);
                wait = 200;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                settleRetries.incrementAndGet();
                long horizon = System.currentTimeMillis() - settings.visibility().toMillis();
                int before = unsettled.size();
                unsettled.removeIf(o -> o.at() < horizon);
                if (unsettled.size() < before) {
                    LOG.log(System.Logger.Level.WARNING, "queue " + queue.name() + ": gave up settling " + (before - unsettled.size())
                            + " jobs after the visibility timeout; they are redelivered", e);
                } else if (wait == 200) {
                    LOG.log(System.Logger.Level.WARNING, "queue " + queue.name() + ": could not settle " + unsettled.size() + " jobs, retrying", e);
                }
                wait = wait == 200 ? 50 : Math.min(1000, wait * 2);
                if (stopping && unsettled.isEmpty() && running.isEmpty()) return;
            }
        }
    }

    /** Settles what it can, removing each outcome once Redis has it; throws (keeping the rest) at the first failure. */
    private void settle(List<Outcome> unsettled) {
        List<Delivery> done = unsettled.stream().filter(o -> o.failure() == null && o.rejected() == null).map(Outcome::delivery).toList();
        if (!done.isEmpty()) {
            queue.completeAll(done, settings.keepCompleted(), settings.keepCompletedAge());
            unsettled.removeIf(o -> o.failure() == null && o.rejected() == null);
        }
        for (java.util.Iterator<Outcome> it = unsettled.iterator(); it.hasNext(); ) {
            Outcome o = it.next();
            if (o.rejected() != null) queue.reject(o.delivery(), o.rejected());
            else queue.fail(o.delivery(), o.failure(), settings.keepDead(), settings.keepDeadAge());
            it.remove();
        }
    }

    public Worker<T> start() {
        settler.start();
        fetcher.start();
        long sweep = Math.max(5, Math.min(100, settings.timeout().toMillis() / 10));
        timers.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Fails the runs past their timeout: the job is retried per its backoff whether or not the handler notices the
     * interrupt; a handler that ignores it keeps its thread until it returns, and what it returns then is ignored.
     */
    private void sweep() {
        long now = System.nanoTime();
        for (Run r : runs) {
            if (now - r.deadline < 0) continue;
            synchronized (r.over) { // so the interrupt cannot reach the thread after it moved on to another job
                if (!r.over.compareAndSet(false, true)) continue;
                r.thread.interrupt();
            }
            runs.remove(r);
            outcomes.add(new Outcome(r.delivery, new TimeoutException("the job ran longer than " + settings.timeout().toMillis() + " ms"), null, System.currentTimeMillis()));
            abandoned.incrementAndGet();
            running.remove(r.delivery);
            slots.release();
        }
    }

    /** The route of an entry's job type: its own, or the only one for an entry without a type; null when there is none. */
    private Route<?> route(String type) {
        if (type == null || type.isEmpty()) return only;
        Route<?> r = routes.get(type);
        return r != null ? r : only != null && only.type() == null ? only : null;
    }

    /** {@link #repeat(String, String, ZoneId, String)} in UTC. */
    public Worker<T> repeat(String name, String cron, String payloadJson) { return repeat(name, cron, ZoneOffset.UTC, payloadJson); }

    /**
     * Schedules {@code payloadJson} on {@code cron} (five fields, or six with seconds) in {@code zone}: each fire time
     * becomes one job, whatever the number of workers. The schedule is stored in Redis ({@link JobQueue#schedule}), so
     * every worker of the queue — also one started later, or after a restart — keeps it until
     * {@link JobQueue#unschedule}. The payload is checked against the job type now, not at the first fire time.
     */
    public Worker<T> repeat(String name, String cron, ZoneId zone, String payloadJson) {
        if (only == null) throw new IllegalStateException("this worker runs several job types (" + String.join(", ", new java.util.TreeSet<>(routes.keySet()))
                + "): say which with repeat(type, name, cron, zone, payload)");
        return repeat(only.type(), name, cron, zone, payloadJson);
    }

    /** {@link #repeat(String, String, ZoneId, String)} for the job type {@code type} of a shared queue. */
    public Worker<T> repeat(String type, String name, String cron, ZoneId zone, String payloadJson) {
        Route<?> r = only != null && java.util.Objects.equals(only.type(), type) ? only : routes.get(type);
        if (r == null) throw new IllegalArgumentException("this worker does not run " + type + " jobs");
        r.decode().apply(payloadJson);
        queue.as(r.type()).schedule(name, cron, zone, payloadJson);
        schedulesReadAt = 0;
        return this;
    }

    private void fetchLoop() {
        long lastReclaim = 0;
        long lastPromote = 0;
        long lastPauseCheck = 0;
        boolean paused = false;
        boolean prioritizedLeft = false;
        long lastNotices = 0;
        try (QueueClient.Connection conn = queue.client().blocking()) {
            while (!stopping) {
                try {
                    long now = System.currentTimeMillis();
                    if (now - lastPauseCheck >= 250) {
                        lastPauseCheck = now;
                        paused = queue.paused();
                    }
                    if (paused) {
                        // running jobs finish; nothing new is taken or reclaimed; delayed jobs still become due
                        if (now - lastPromote >= 50) {
                            lastPromote = now;
                            scheduleRepeats();
                            queue.promote(500, 0);
                        }
                        Thread.sleep(50);
                        continue;
                    }
                    if (now - lastNotices >= 100) {
                        lastNotices = now;
                        queue.deliverFlowNotices(100); // finished flow children tell their parents
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
                    // while prioritized jobs wait, every pass moves as many of the best as it will read, ahead of the rest
                    // (only this thread takes slots, so the room counted here is still there when it reads)
                    if (now - lastPromote >= 50 || prioritizedLeft) {
                        if (now - lastPromote >= 50) scheduleRepeats();
                        lastPromote = now;
                        prioritizedLeft = queue.promote(500, n).prioritizedLeft() > 0;
                    }
                    List<Delivery> got = queue.read(conn, consumer, n, Duration.ofMillis(200));
                    for (Delivery d : got) dispatch(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (stopping) return;
                    if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                        // Redis restarted without its data (or someone deleted the stream): the group comes back, work goes on
                        try {
                            queue.ensureGroups();
                            LOG.log(System.Logger.Level.WARNING, "queue " + queue.name() + ": the consumer group was gone (Redis lost its data); created it again");
                            continue;
                        } catch (RuntimeException again) {
                            e.addSuppressed(again);
                        }
                    }
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

    /** Adds the job of each schedule's next fire time (once: its id is the same in every worker). Schedules are reread every second. */
    private void scheduleRepeats() {
        long now = System.currentTimeMillis();
        if (now - schedulesReadAt >= 1000) {
            schedules = queue.schedules();
            schedulesReadAt = now;
            repeatScheduled.keySet().retainAll(schedules.keySet());
        }
        for (Map.Entry<String, JobQueue.Schedule> r : schedules.entrySet()) {
            if (repeatScheduled.getOrDefault(r.getKey(), 0L) > now) continue;
            JobQueue.Schedule s = r.getValue();
            Route<?> route = route(s.type());
            if (route == null) continue; // a schedule of a job type another deployment's workers run
            long next = Cron.parse(s.cron()).next(ZonedDateTime.now(s.zone()), s.zone()).toInstant().toEpochMilli();
            queue.as(s.type() != null ? s.type() : route.type())
                    .add(s.payload(), JobOptions.id("repeat:" + r.getKey() + ":" + next).withDelay(Duration.ofMillis(Math.max(0, next - now))), route.defaults());
            repeatScheduled.put(r.getKey(), next);
        }
    }

    private void dispatchReclaimed(Delivery d) throws InterruptedException {
        int stalls = Integer.parseInt(d.job().getOrDefault("stalls", "1"));
        if (d.jobId() != null && stalls > settings.maxStalls()) {
            queue.deadLetter(d, new IllegalStateException("stalled " + stalls + " times: its worker died or hung each time"), settings.keepDead(), settings.keepDeadAge());
            return;
        }
        dispatch(d);
    }

    private void dispatch(Delivery d) throws InterruptedException {
        String type = d.job().get("type");
        Route<?> route = route(type);
        String problem = d.jobId() == null ? "the stream entry has no job id" : d.job().get("payload") == null ? "the stream entry has no payload"
                : route != null ? null
                : type == null || type.isEmpty() ? "the job has no job type, and this queue's workers run " + String.join(", ", new java.util.TreeSet<>(routes.keySet()))
                : "a " + type + " job on a queue whose workers run " + String.join(", ", new java.util.TreeSet<>(routes.keySet()));
        if (problem != null) {
            outcomes.add(new Outcome(d, null, problem, System.currentTimeMillis()));
            return;
        }
        slots.acquire();
        running.add(d);
        try {
            jobs.execute(() -> run(d, route));
        } catch (RuntimeException e) {
            running.remove(d);
            slots.release();
            throw e;
        }
    }

    private <P> void run(Delivery d, Route<P> route) {
        Run me = new Run(d, System.nanoTime() + settings.timeout().toNanos());
        runs.add(me);
        P payload;
        try {
            payload = route.decode().apply(d.job().get("payload"));
        } catch (RuntimeException e) {
            // a payload that does not decode or validate will not on a retry either
            if (finish(me)) {
                outcomes.add(new Outcome(d, null, "payload rejected: " + e.getMessage(), System.currentTimeMillis()));
                running.remove(d);
                slots.release();
            }
            return;
        }
        Throwable failure = null;
        try {
            route.handler().handle(new JobContext<>(queue, d.jobId(), payload, d.attempt()));
        } catch (Throwable t) {
            failure = t;
        }
        if (!finish(me)) return;
        outcomes.add(new Outcome(d, failure, null, System.currentTimeMillis()));
        running.remove(d);
        slots.release();
    }

    /**
     * Whether this run settles its own job (false when the timeout already did: the run was abandoned and has now
     * returned). Clears an interrupt the watchdog may have sent, so it cannot reach the thread's next job.
     */
    private boolean finish(Run run) {
        boolean mine;
        synchronized (run.over) {
            mine = run.over.compareAndSet(false, true);
        }
        if (mine) runs.remove(run);
        Thread.interrupted();
        if (!mine) abandoned.decrementAndGet();
        return mine;
    }

    /** Handlers still running past their timeout (their jobs already failed and were retried); they hold a thread each. */
    public long abandoned() { return abandoned.get(); }

    /** Times settling had to be retried because Redis did not take it. */
    public long settleRetries() { return settleRetries.get(); }

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
