package dev.dbtool.examples.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Cron;
import com.example.blog.generated.Idempotency;
import com.example.blog.generated.JobOptions;
import com.example.blog.generated.OutboxRelay;
import com.example.blog.generated.QueueClient;
import com.example.blog.generated.QueueStats;
import com.example.blog.generated.ResizeImage;
import com.example.blog.generated.ResizeImageProducer;
import com.example.blog.generated.ResizeImageWorker;
import com.example.blog.generated.SendWelcomeEmail;
import com.example.blog.generated.SendWelcomeEmailProducer;
import com.example.blog.generated.SendWelcomeEmailWorker;
import com.example.blog.generated.Worker;
import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.examples.blog.BlogDatabase;
import dev.dbtool.examples.blog.TestRedis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The blog's generated jobs on a real Redis and PostgreSQL: typed round trip, validation, backoff schedule, dead
 * letters, timeout, delay, cron, de-duplication, graceful shutdown, rate limit, the outbox, queue-stats, and crash
 * safety with worker JVMs killed by SIGKILL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlogQueueTest {
    BlogDatabase.Seeded db;
    PGSimpleDataSource ds;
    QueueClient client;
    String redis;
    final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        db = BlogDatabase.create("blog_queue", 17);
        ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String sql : QueueTestSupport.EFFECTS_DDL) st.execute(sql);
        }
        redis = TestRedis.url();
        client = QueueClient.connect(redis);
    }

    @AfterAll
    void stop() throws Exception {
        Collections.reverse(closing);
        for (AutoCloseable c : closing) c.close();
        client.close();
    }

    static String prefix() { return "t" + UUID.randomUUID().toString().substring(0, 8); }

    static SendWelcomeEmail email(String to) { return new SendWelcomeEmail(UUID.randomUUID().toString(), to, null, null); }

    <T> Worker<T> track(Worker<T> w) {
        closing.add(w);
        return w;
    }

    static void await(String what, Duration max, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    long sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void typedJobsRoundTripWithDefaultsAndValidation() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        List<SendWelcomeEmail> seen = new CopyOnWriteArrayList<>();
        track(SendWelcomeEmailWorker.start(client, prefix, job -> seen.add(job.payload()), SendWelcomeEmailWorker.settings()));
        assertTrue(producer.add(email("new@example.com")));
        await("the job", Duration.ofSeconds(10), () -> seen.size() == 1);
        assertEquals("en", seen.get(0).locale(), "@default(\"en\")");
        assertEquals(false, seen.get(0).retry());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> producer.add(email("not-an-email")));
        assertTrue(bad.getMessage().contains("[to]") && bad.getMessage().contains("e-mail"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ResizeImageProducer(client, prefix).add(new ResizeImage("https://x.org/a.png", 0, 10)));
        await("completion recorded", Duration.ofSeconds(5), () -> producer.queue().stats().completed() == 1);
        QueueStats s = producer.queue().stats();
        assertEquals(1, s.added(), "the invalid payloads were never enqueued");
        List<Boolean> bulk = producer.addBulk(List.of(email("a@example.com"), email("b@example.com"), email("c@example.com")));
        assertEquals(List.of(true, true, true), bulk);
        await("the bulk", Duration.ofSeconds(10), () -> seen.size() == 4);
    }

    @Test
    void retriesFollowTheExponentialScheduleThenDeadLetterWithTheError() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        List<Long> attempts = new CopyOnWriteArrayList<>();
        track(SendWelcomeEmailWorker.start(client, prefix, job -> {
            attempts.add(System.currentTimeMillis());
            throw new IllegalStateException("smtp said no (attempt " + job.attempt() + ")");
        }, SendWelcomeEmailWorker.settings()));
        producer.add(email("x@example.com"), JobOptions.id("welcome-x").withAttempts(4).withBackoffDelay(Duration.ofMillis(150)));
        await("four attempts", Duration.ofSeconds(15), () -> attempts.size() == 4);
        await("the dead letter", Duration.ofSeconds(5), () -> producer.queue().stats().dead() == 1);
        for (int i = 1; i < 4; i++) {
            long gap = attempts.get(i) - attempts.get(i - 1);
            long base = 150L << (i - 1);
            assertTrue(gap >= base && gap <= base * 1.2 + 400, "gap " + i + " = " + gap + " ms, backoff " + base + " ms (+20 % jitter, +fetch cadence)");
        }
        Map<String, String> job = producer.queue().inspect("welcome-x");
        assertEquals("dead", job.get("state"));
        assertEquals("4", job.get("attempts"));
        assertTrue(job.get("lastError").contains("smtp said no (attempt 4)"), job.get("lastError"));
        assertTrue(job.get("stack").contains("BlogQueueTest"), "the stack is kept");
        assertEquals(List.of("welcome-x"), producer.queue().dead(10));
        Result inspect = cli("queue", "inspect", "email-queue", "welcome-x", "--url", redis, "--prefix", prefix);
        assertEquals(0, inspect.code, inspect.err);
        assertTrue(inspect.out.contains("state: dead") && inspect.out.contains("smtp said no"), inspect.out);
        assertTrue(inspect.out.contains("type: SendWelcomeEmail"), inspect.out);
        Result purge = cli("queue", "purge", "email-queue", "--url", redis, "--prefix", prefix);
        assertEquals(0, purge.code, purge.err);
        assertEquals(0, producer.queue().stats().dead());
    }

    @Test
    void fixedBackoffKeepsTheSameDelayBetweenAttempts() throws Exception {
        String prefix = prefix();
        ResizeImageProducer producer = new ResizeImageProducer(client, prefix);
        List<Long> attempts = new CopyOnWriteArrayList<>();
        track(ResizeImageWorker.start(client, prefix, job -> {
            attempts.add(System.currentTimeMillis());
            throw new IllegalStateException("no such image");
        }, ResizeImageWorker.settings()));
        // ResizeImage is @@retry(attempts: 3, backoff: fixed, delay: 1000); a shorter delay keeps the test quick
        producer.add(new ResizeImage("https://img.example.com/missing.png", 10, 10), JobOptions.id("resize-1").withBackoffDelay(Duration.ofMillis(800)));
        await("three attempts", Duration.ofSeconds(10), () -> attempts.size() == 3);
        await("the dead letter", Duration.ofSeconds(5), () -> producer.queue().stats().dead() == 1);
        for (int i = 1; i < 3; i++) {
            long gap = attempts.get(i) - attempts.get(i - 1);
            // exponential would make the second gap 1,600 ms
            assertTrue(gap >= 800 && gap <= 800 * 1.2 + 400, "gap " + i + " = " + gap + " ms, fixed backoff 800 ms (+20 % jitter, +fetch cadence)");
        }
        assertEquals("3", producer.queue().inspect("resize-1").get("attempts"));
    }

    @Test
    void deadLettersCanBeRetriedFromTheCli() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        java.util.Set<String> tried = ConcurrentHashMap.newKeySet();
        List<String> succeeded = new CopyOnWriteArrayList<>();
        track(SendWelcomeEmailWorker.start(client, prefix, job -> {
            if (tried.add(job.id())) throw new IllegalStateException("down");
            succeeded.add(job.id());
        }, SendWelcomeEmailWorker.settings()));
        producer.add(email("y@example.com"), JobOptions.id("welcome-y").withAttempts(1));
        producer.add(email("z@example.com"), JobOptions.id("welcome-z").withAttempts(1));
        await("dead", Duration.ofSeconds(10), () -> producer.queue().stats().dead() == 2);
        Result one = cli("queue", "retry", "email-queue", "welcome-y", "--url", redis, "--prefix", prefix);
        assertEquals(0, one.code, one.err);
        await("welcome-y after its retry", Duration.ofSeconds(10), () -> succeeded.equals(List.of("welcome-y")));
        assertEquals(1, cli("queue", "retry", "email-queue", "welcome-y", "--url", redis, "--prefix", prefix).code, "not dead any more");
        Result all = cli("queue", "retry", "email-queue", "--all", "--url", redis, "--prefix", prefix);
        assertEquals(0, all.code, all.err);
        await("welcome-z after retry --all", Duration.ofSeconds(10), () -> succeeded.size() == 2 && producer.queue().stats().completed() == 2);
        assertEquals(2, cli("queue", "retry", "email-queue", "--url", redis, "--prefix", prefix).code, "JOB_ID or --all");
    }

    @Test
    void aJobLongerThanItsTimeoutFails() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        track(SendWelcomeEmailWorker.start(client, prefix, job -> Thread.sleep(5000), SendWelcomeEmailWorker.settings().withTimeout(Duration.ofMillis(200))));
        producer.add(email("slow@example.com"), JobOptions.id("slow").withAttempts(1));
        await("the timeout", Duration.ofSeconds(5), () -> "dead".equals(producer.queue().inspect("slow").get("state")));
        assertTrue(producer.queue().inspect("slow").get("lastError").contains("TimeoutException"));
    }

    @Test
    void delayedJobsWaitAndDuplicatesAreDropped() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        Map<String, Long> started = new ConcurrentHashMap<>();
        track(SendWelcomeEmailWorker.start(client, prefix, job -> started.put(job.id(), System.currentTimeMillis()), SendWelcomeEmailWorker.settings()));
        long t0 = System.currentTimeMillis();
        assertTrue(producer.add(email("later@example.com"), JobOptions.id("later").withDelay(Duration.ofMillis(800))));
        assertFalse(producer.add(email("later@example.com"), JobOptions.id("later")), "same job id: ignored");
        assertEquals(1, producer.queue().stats().delayed());
        await("the delayed job", Duration.ofSeconds(5), () -> started.containsKey("later"));
        assertTrue(started.get("later") - t0 >= 800, "ran after " + (started.get("later") - t0) + " ms");
        Thread.sleep(300);
        assertEquals(1, started.size());
        assertEquals(1, producer.queue().stats().added());
    }

    @Test
    void cronSchedulesOneJobPerFireTimeWhateverTheNumberOfWorkers() throws Exception {
        Cron every15 = Cron.parse("*/15 9-17 * * 1-5");
        ZonedDateTime friday = ZonedDateTime.of(2026, 11, 27, 17, 50, 0, 0, ZoneOffset.UTC);
        assertEquals(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC), every15.next(friday), "after Friday 17:45 comes Monday 09:00");
        assertEquals(ZonedDateTime.of(2026, 11, 27, 10, 15, 0, 0, ZoneOffset.UTC), every15.next(ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.UTC)));
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("61 * * * *"));
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        String payload = "{\"userId\":\"u\",\"to\":\"digest@example.com\"}";
        long firstMinute = System.currentTimeMillis() / 60_000;
        for (int i = 0; i < 3; i++) {
            track(SendWelcomeEmailWorker.start(client, prefix, job -> { }, SendWelcomeEmailWorker.settings()).repeat("digest", "* * * * *", payload));
        }
        await("the next fire time scheduled", Duration.ofSeconds(5), () -> producer.queue().stats().delayed() >= 1);
        Thread.sleep(500);
        long added = producer.queue().stats().added();
        // one job per fire time: one for the next minute, one more for each minute boundary the test happened to cross
        long crossed = System.currentTimeMillis() / 60_000 - firstMinute;
        assertEquals(1 + crossed, added, "three workers, one job per minute");
    }

    @Test
    void shutdownFinishesRunningJobsAndHandsBackThoseThatCannotFinish() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        AtomicInteger done = new AtomicInteger();
        Worker<SendWelcomeEmail> w = SendWelcomeEmailWorker.start(client, prefix, job -> {
            Thread.sleep(300);
            done.incrementAndGet();
        }, SendWelcomeEmailWorker.settings());
        for (int i = 0; i < 3; i++) producer.add(email("s" + i + "@example.com"));
        await("running", Duration.ofSeconds(5), () -> w.active() == 3);
        w.close();
        assertEquals(3, done.get(), "running jobs finished before close returned");
        assertEquals(3, producer.queue().stats().completed());

        Worker<SendWelcomeEmail> stuck = SendWelcomeEmailWorker.start(client, prefix, job -> Thread.sleep(10_000),
                SendWelcomeEmailWorker.settings().withGrace(Duration.ofMillis(200)));
        producer.add(email("stuck@example.com"), JobOptions.id("stuck"));
        await("running", Duration.ofSeconds(5), () -> stuck.active() == 1);
        stuck.close();
        QueueStats s = producer.queue().stats();
        assertEquals(1, s.waiting(), "handed back at once, not left pending until the visibility timeout");
        assertEquals(0, s.active());
    }

    @Test
    void theRateLimitCapsStartsPerWindowAcrossWorkers() throws Exception {
        String prefix = prefix();
        ResizeImageProducer producer = new ResizeImageProducer(client, prefix);
        List<Long> starts = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 2; i++) {
            track(ResizeImageWorker.start(client, prefix, job -> starts.add(System.currentTimeMillis()),
                    ResizeImageWorker.settings().withRateLimit(4, Duration.ofMillis(500))));
        }
        for (int i = 0; i < 12; i++) producer.add(new ResizeImage("https://img.example.com/" + i + ".png", 100, 100));
        await("all", Duration.ofSeconds(10), () -> starts.size() == 12);
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        // permits are taken per Redis window; a job taken at the end of one window may start in the next, so any
        // 500 ms span sees at most two windows' worth
        for (int i = 0; i + 8 < sorted.size(); i++) assertTrue(sorted.get(i + 8) - sorted.get(i) >= 500, "more than 8 starts within 500 ms: " + sorted);
        // fixed windows: 12 jobs at 4 per window span three windows, so the first and last start are over one window apart
        assertTrue(sorted.get(sorted.size() - 1) - sorted.get(0) >= 480, "12 jobs at 4 per window take three windows: " + sorted);
    }

    @Test
    void theOutboxSendsCommittedJobsExactlyOnceAndRolledBackOnesNever() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        OutboxRelay relay = new OutboxRelay(ds, Map.of("email-queue", producer.queue()), Map.of("email-queue", SendWelcomeEmailProducer.DEFAULTS));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            SendWelcomeEmailProducer.enqueue(c, email("rolled@example.com"), JobOptions.id("rolled-back"));
            c.rollback();
            SendWelcomeEmailProducer.enqueue(c, email("kept@example.com"), JobOptions.id("committed"));
            c.commit();
        }
        assertEquals(1, relay.relayOnce(100));
        assertEquals(0, relay.relayOnce(100));
        assertEquals(1, producer.queue().stats().added());
        assertTrue(producer.queue().inspect("rolled-back").isEmpty());
        // a relay that dies after sending and before committing: the row stays, the next pass sends again, one job results
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            SendWelcomeEmailProducer.enqueue(c, email("crash@example.com"), JobOptions.NONE);
            c.commit();
        }
        long outboxId = sql("SELECT max(id) FROM dbtool_job_outbox");
        producer.queue().add("{\"userId\":\"u\",\"to\":\"crash@example.com\"}", JobOptions.id("outbox:" + outboxId), SendWelcomeEmailProducer.DEFAULTS);
        assertEquals(1, relay.relayOnce(100));
        assertEquals(0, sql("SELECT count(*) FROM dbtool_job_outbox"));
        assertEquals(2, producer.queue().stats().added(), "the re-sent job was de-duplicated");
        relay.close();
    }

    @Test
    void queueStatsReportsAKnownState() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        for (int i = 0; i < 3; i++) producer.add(email("w" + i + "@example.com"));
        producer.add(email("d@example.com"), JobOptions.NONE.withDelay(Duration.ofHours(1)));
        Result json = cli("queue-stats", "--url", redis, "--prefix", prefix, "--format", "json");
        assertEquals(0, json.code, json.err);
        com.fasterxml.jackson.databind.JsonNode q = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out).path("queues").path(0);
        assertEquals("email-queue", q.path("queue").asText());
        assertEquals(3, q.path("waiting").asInt());
        assertEquals(1, q.path("delayed").asInt());
        assertEquals(0, q.path("active").asInt());
        assertTrue(q.path("oldestWaitingMs").asLong() >= 0);
        Result text = cli("queue-stats", "--url", redis, "--prefix", prefix);
        assertTrue(text.out.contains("email-queue") && text.out.contains("waiting"), text.out);
        StringWriter watched = new StringWriter();
        Environment env = new Environment(java.nio.file.Path.of("."), new HashMap<>(), new PrintWriter(watched, true), new PrintWriter(new StringWriter(), true), false);
        Thread watch = new Thread(() -> Main.run(env, "queue-stats", "--url", redis, "--prefix", prefix, "--format", "json", "--watch"));
        watch.setDaemon(true);
        watch.start();
        await("a second report", Duration.ofSeconds(10), () -> watched.toString().split("\"queues\"", -1).length > 2);
        watch.interrupt();
        Result down = cli("queue-stats", "--url", "redis://127.0.0.1:1");
        assertEquals(3, down.code);
        assertTrue(down.err.contains("cannot reach Redis"), down.err);
    }

    @Test
    void progressIsVisibleAndRetentionKeepsTheLastCompletedJobs() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        track(SendWelcomeEmailWorker.start(client, prefix, job -> {
            if (job.id().equals("long")) {
                job.progress(50);
                halfway.countDown();
                go.await();
            }
        }, SendWelcomeEmailWorker.settings().withRetention(2, Duration.ofHours(1), 10, Duration.ofDays(1))));
        producer.add(email("p@example.com"), JobOptions.id("long"));
        assertTrue(halfway.await(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("50", producer.queue().inspect("long").get("progress"));
        go.countDown();
        for (int i = 0; i < 5; i++) producer.add(email("r" + i + "@example.com"), JobOptions.id("kept-" + i));
        await("six completions", Duration.ofSeconds(10), () -> producer.queue().stats().completed() == 6);
        int retained = 0;
        for (String id : List.of("long", "kept-0", "kept-1", "kept-2", "kept-3", "kept-4")) if (!producer.queue().inspect(id).isEmpty()) retained++;
        assertEquals(2, retained, "only the last two completed jobs are kept");
    }

    @Test
    void queueStatsServesAWebPageAndJson() throws Exception {
        String prefix = prefix();
        new SendWelcomeEmailProducer(client, prefix).add(email("web@example.com"));
        StringWriter err = new StringWriter();
        Environment env = new Environment(java.nio.file.Path.of("."), new HashMap<>(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), false);
        Thread server = new Thread(() -> Main.run(env, "queue-stats", "--url", redis, "--prefix", prefix, "--serve", "0"));
        server.setDaemon(true);
        server.start();
        await("the server", Duration.ofSeconds(10), () -> err.toString().contains("http://localhost:"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://localhost:(\\d+)/").matcher(err.toString());
        assertTrue(m.find(), err.toString());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + m.group(1);
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<td>email-queue</td><td>1</td>"), page.body());
        var json = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/stats.json")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(json.body().contains("\"waiting\" : 1"), json.body());
        var post = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/stats.json")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode(), "read-only");
        server.interrupt();
    }

    @Test
    void highPriorityJobsGoFirst() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        for (int i = 0; i < 5; i++) producer.add(email("n" + i + "@example.com"), JobOptions.id("normal-" + i));
        producer.add(email("vip@example.com"), JobOptions.id("vip").withPriority(1));
        List<String> order = new CopyOnWriteArrayList<>();
        track(SendWelcomeEmailWorker.start(client, prefix, job -> order.add(job.id()), SendWelcomeEmailWorker.settings().withConcurrency(1)));
        await("all six", Duration.ofSeconds(10), () -> order.size() == 6);
        assertEquals("vip", order.get(0), order.toString());
    }

    @Test
    void aJobWhoseWorkersKeepDyingIsDeadLettered() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        producer.add(email("poison@example.com"), JobOptions.id("poison"));
        // a consumer that takes the job and never answers, as a worker that crashed on it five times already
        io.lettuce.core.RedisClient raw = io.lettuce.core.RedisClient.create(redis);
        try (var c = raw.connect()) {
            String tag = "{" + prefix + ":q:email-queue}";
            takeAndVanish(c.sync(), tag + ":ready");
            c.sync().hset(tag + ":job:poison", "stalls", "5");
        } finally {
            raw.shutdown();
        }
        AtomicInteger ran = new AtomicInteger();
        track(SendWelcomeEmailWorker.start(client, prefix, job -> ran.incrementAndGet(), SendWelcomeEmailWorker.settings().withVisibility(Duration.ofMillis(300))));
        await("dead-lettered", Duration.ofSeconds(10), () -> "dead".equals(producer.queue().inspect("poison").get("state")));
        assertTrue(producer.queue().inspect("poison").get("lastError").contains("stalled 6 times"));
        assertEquals(0, ran.get(), "not run a sixth time");
    }

    @SuppressWarnings("unchecked") // Lettuce's varargs of a generic type
    private static void takeAndVanish(io.lettuce.core.api.sync.RedisCommands<String, String> r, String stream) {
        r.xreadgroup(io.lettuce.core.Consumer.from("workers", "ghost"), io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(stream));
    }

    @Test
    void aKilledWorkersJobsAreProcessedByAnotherAfterTheVisibilityTimeout() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "crash-" + i + "-" + prefix;
            ids.add(id);
            producer.add(email("k" + i + "@example.com"), JobOptions.id(id));
        }
        Process victim = QueueTestSupport.startWorker(redis, db.jdbcUrl(), prefix, 20_000, 2_000, 6);
        await("the victim holds the jobs", Duration.ofSeconds(20), () -> producer.queue().stats().active() == 6);
        victim.destroyForcibly().waitFor();
        long killedAt = System.currentTimeMillis();
        List<String> processed = new CopyOnWriteArrayList<>();
        track(SendWelcomeEmailWorker.start(client, prefix, job -> {
            Idempotency.once(ds, job, c -> QueueTestSupport.recordEffect(c, job.id()));
            processed.add(job.id());
        }, SendWelcomeEmailWorker.settings().withVisibility(Duration.ofMillis(2_000))));
        await("every held job", Duration.ofSeconds(20), () -> producer.queue().stats().completed() == 6);
        assertTrue(System.currentTimeMillis() - killedAt >= 1_500, "after the visibility timeout, not before");
        for (String id : ids) {
            assertEquals(1, sql("SELECT n FROM job_effects WHERE job_id = '" + id + "'"), "the effect of " + id + " counts once");
        }
    }

    @Test
    void soakWithWorkerProcessesKilledAtRandomLosesNothing() throws Exception {
        String prefix = prefix();
        SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
        int jobs = Integer.getInteger("dbtool.soak.jobs", 2000);
        List<SendWelcomeEmail> payloads = new ArrayList<>();
        for (int i = 0; i < jobs; i++) payloads.add(email("soak" + i + "@example.com"));
        for (int i = 0; i < jobs; i += 500) producer.addBulk(payloads.subList(i, Math.min(jobs, i + 500)));
        long effectsBefore = sql("SELECT count(*) FROM job_effects");
        Random random = new Random(3);
        List<Process> workers = new ArrayList<>();
        long sleep = Long.getLong("dbtool.soak.sleepMs", 40);
        for (int i = 0; i < 3; i++) workers.add(QueueTestSupport.startWorker(redis, db.jdbcUrl(), prefix, sleep, 1_500, 8));
        long end = System.currentTimeMillis() + Long.getLong("dbtool.soak.seconds", 8) * 1000;
        int kills = 0;
        // at least two kills, however fast the machine drains the queue
        while (kills < 2 || System.currentTimeMillis() < end && producer.queue().stats().completed() < jobs) {
            Thread.sleep(600 + random.nextInt(600));
            int victim = random.nextInt(workers.size());
            workers.get(victim).destroyForcibly().waitFor();
            kills++;
            workers.set(victim, QueueTestSupport.startWorker(redis, db.jdbcUrl(), prefix, sleep, 1_500, 8));
        }
        try {
            await("every job settled", Duration.ofSeconds(Long.getLong("dbtool.soak.timeout", 60)), () -> {
                QueueStats s = producer.queue().stats();
                return s.completed() + s.dead() == jobs;
            });
        } finally {
            for (Process p : workers) p.destroyForcibly().waitFor();
        }
        QueueStats s = producer.queue().stats();
        assertEquals(jobs, s.completed() + s.dead(), "none lost");
        assertEquals(s.completed(), sql("SELECT count(*) FROM job_effects") - effectsBefore, "one effect row per completed job");
        assertEquals(0, sql("SELECT count(*) FROM job_effects WHERE n <> 1"), "every effect counted once, " + kills + " kills");
        assertTrue(kills >= 2, "workers were killed: " + kills);
        System.out.printf("soak: %d jobs, %d completed, %d dead-lettered, %d worker kills, none lost, every effect once%n", jobs, s.completed(), s.dead(), kills);
    }

    record Result(int code, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(java.nio.file.Path.of("."), new HashMap<>(), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(Main.run(env, args), out.toString(), err.toString());
    }
}
