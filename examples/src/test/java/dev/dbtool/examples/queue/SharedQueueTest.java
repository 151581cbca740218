package dev.dbtool.examples.queue;

import static dev.dbtool.examples.queue.BlogQueueTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.JobOptions;
import com.example.blog.generated.JobQueue;
import com.example.blog.generated.NotificationsQueueWorker;
import com.example.blog.generated.NotifyFollowers;
import com.example.blog.generated.NotifyFollowersProducer;
import com.example.blog.generated.OutboxRelay;
import com.example.blog.generated.QueueClient;
import com.example.blog.generated.SendDigest;
import com.example.blog.generated.SendDigestProducer;
import com.example.blog.generated.Worker;
import dev.dbtool.examples.blog.BlogDatabase;
import dev.dbtool.examples.blog.TestRedis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The blog's queue {@code notifications}, which carries two job types (NotifyFollowers, SendDigest), on a real Redis
 * and PostgreSQL: one generated worker hands each entry to its type's handler with its own decoding, validation and
 * retry settings; entries of another type or of none are dead-lettered with the reason; the outbox and repeat
 * schedules keep each job's type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedQueueTest {
    BlogDatabase.Seeded db;
    PGSimpleDataSource ds;
    QueueClient client;

    @BeforeAll
    void start() throws Exception {
        db = BlogDatabase.create("blog_shared_queue", 19);
        ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        client = QueueClient.connect(TestRedis.url());
    }

    @AfterAll
    void stop() {
        client.close();
    }

    /** What the two handlers received, in order. */
    static final class Seen {
        final List<NotifyFollowers> notifications = new CopyOnWriteArrayList<>();
        final List<SendDigest> digests = new CopyOnWriteArrayList<>();
    }

    static Worker<Object> worker(QueueClient client, String prefix, Seen seen) {
        return NotificationsQueueWorker.start(client, prefix, job -> seen.notifications.add(job.payload()), job -> seen.digests.add(job.payload()),
                NotificationsQueueWorker.settings());
    }

    static String prefix() { return "s" + UUID.randomUUID().toString().substring(0, 8); }

    @Test
    void eachJobReachesItsTypesHandlerWithItsOwnDefaultsAndRetries() throws Exception {
        String prefix = prefix();
        Seen seen = new Seen();
        NotifyFollowersProducer notify = new NotifyFollowersProducer(client, prefix);
        SendDigestProducer digest = new SendDigestProducer(client, prefix);
        AtomicInteger digestRuns = new AtomicInteger();
        Worker<Object> w = NotificationsQueueWorker.start(client, prefix, job -> seen.notifications.add(job.payload()), job -> {
            digestRuns.incrementAndGet();
            if (job.payload().userId().equals("fails")) throw new IllegalStateException("mail server down");
            seen.digests.add(job.payload());
        }, NotificationsQueueWorker.settings());
        try {
            for (int i = 0; i < 20; i++) {
                notify.add(new NotifyFollowers("post-" + i, "Title " + i));
                digest.add(new SendDigest("user-" + i, "u" + i + "@example.com", i % 2 == 0 ? null : "daily"));
            }
            await("40 jobs, each to its handler", Duration.ofSeconds(10), () -> seen.notifications.size() == 20 && seen.digests.size() == 20);
            assertEquals(20, seen.notifications.stream().map(NotifyFollowers::postId).distinct().count());
            assertEquals(10, seen.digests.stream().filter(d -> d.period().equals("weekly")).count(), "SendDigest's @default(\"weekly\")");
            // SendDigest's own @@retry(attempts: 2, backoff: fixed, delay: 500), not NotifyFollowers' default of 3
            digest.add(new SendDigest("fails", "f@example.com", null), JobOptions.id("digest-fails"));
            await("the failing digest dead after its 2 attempts", Duration.ofSeconds(10), () -> notify.queue().stats().dead() == 1);
            assertEquals(2, digestRuns.get() - 20);
            Map<String, String> dead = notify.queue().inspect("digest-fails");
            assertEquals("SendDigest", dead.get("type"));
            assertTrue(dead.get("lastError").contains("mail server down"), dead.toString());
        } finally {
            w.close();
        }
    }

    @Test
    void entriesOfAnotherTypeOrOfNoneOrThatDoNotValidateAreDeadLetteredWithTheReason() throws Exception {
        String prefix = prefix();
        Seen seen = new Seen();
        SendDigestProducer digest = new SendDigestProducer(client, prefix);
        JobQueue untyped = new JobQueue(client, prefix, NotificationsQueueWorker.QUEUE);
        Worker<Object> w = worker(client, prefix, seen);
        try {
            untyped.as("ResizeImage").add("{\"url\":\"https://x.org/a.png\",\"width\":1,\"height\":1}", JobOptions.id("other-type"), SendDigestProducer.DEFAULTS);
            untyped.add("{\"postId\":\"p\",\"title\":\"t\"}", JobOptions.id("no-type"), SendDigestProducer.DEFAULTS);
            // a NotifyFollowers payload under the SendDigest type: decoded and validated as a digest, it fails
            digest.queue().add("{\"postId\":\"p\",\"title\":\"t\"}", JobOptions.id("wrong-shape"), SendDigestProducer.DEFAULTS);
            digest.queue().add("{\"userId\":\"u\",\"to\":\"not-an-email\"}", JobOptions.id("bad-email"), SendDigestProducer.DEFAULTS);
            digest.add(new SendDigest("ok", "ok@example.com", null));
            await("four dead letters and the good digest", Duration.ofSeconds(10), () -> digest.queue().stats().dead() == 4 && seen.digests.size() == 1);
            Map<String, String> reasons = new TreeMap<>();
            for (String id : digest.queue().dead(10)) reasons.put(id, digest.queue().inspect(id).get("lastError"));
            assertTrue(reasons.get("other-type").contains("a ResizeImage job on a queue whose workers run NotifyFollowers, SendDigest"), reasons.toString());
            assertTrue(reasons.get("no-type").contains("no job type"), reasons.toString());
            assertTrue(reasons.get("wrong-shape").startsWith("payload rejected") && reasons.get("wrong-shape").contains("[userId]"), reasons.toString());
            assertTrue(reasons.get("bad-email").contains("[to]"), reasons.toString());
            assertEquals(List.of(), seen.notifications, "nothing reached the other handler");
        } finally {
            w.close();
        }
    }

    @Test
    void theOutboxKeepsEachRowsJobType() throws Exception {
        String prefix = prefix();
        Seen seen = new Seen();
        NotifyFollowersProducer notify = new NotifyFollowersProducer(client, prefix);
        SendDigestProducer digest = new SendDigestProducer(client, prefix);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            NotifyFollowersProducer.enqueue(c, new NotifyFollowers("p1", "Hello"), JobOptions.NONE);
            SendDigestProducer.enqueue(c, new SendDigest("u1", "u1@example.com", null), JobOptions.NONE);
            c.commit();
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT string_agg(job_type, ',' ORDER BY id) FROM dbtool_job_outbox")) {
            rs.next();
            assertEquals("NotifyFollowers,SendDigest", rs.getString(1));
        }
        // a relay that only knows NotifyFollowers leaves the digest row for one that knows its type
        assertEquals(1, new OutboxRelay(ds, List.of(notify.outboxTarget())).relayOnce(100));
        OutboxRelay relay = new OutboxRelay(ds, List.of(notify.outboxTarget(), digest.outboxTarget()));
        assertEquals(1, relay.relayOnce(100));
        assertEquals(0, relay.relayOnce(100));
        Worker<Object> w = worker(client, prefix, seen);
        try {
            await("both outbox jobs, each to its handler", Duration.ofSeconds(10), () -> seen.notifications.size() == 1 && seen.digests.size() == 1);
            assertEquals("Hello", seen.notifications.get(0).title());
            assertEquals("weekly", seen.digests.get(0).period());
        } finally {
            w.close();
        }
    }

    @Test
    void aRepeatScheduleAddsJobsOfItsOwnType() throws Exception {
        String prefix = prefix();
        Seen seen = new Seen();
        try (Worker<Object> w = worker(client, prefix, seen)) {
            IllegalStateException which = assertThrows(IllegalStateException.class, () -> w.repeat("digest", "* * * * * *", "{}"));
            assertTrue(which.getMessage().contains("NotifyFollowers, SendDigest"), which.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.repeat("SendDigest", "digest", "* * * * * *", ZoneOffset.UTC, "{\"userId\":\"u\",\"to\":\"nope\"}"),
                    "the payload is checked against its type now");
            w.repeat("SendDigest", "digest", "* * * * * *", ZoneOffset.UTC, "{\"userId\":\"every-second\",\"to\":\"d@example.com\"}");
            assertEquals("SendDigest", new JobQueue(client, prefix, NotificationsQueueWorker.QUEUE).schedules().get("digest").type());
            await("two digests from the schedule", Duration.ofSeconds(10), () -> seen.digests.size() >= 2);
            assertEquals("every-second", seen.digests.get(0).userId());
            assertEquals(List.of(), seen.notifications);
        }
    }
}
