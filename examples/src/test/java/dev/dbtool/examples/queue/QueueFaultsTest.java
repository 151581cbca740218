package dev.dbtool.examples.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.JobOptions;
import com.example.blog.generated.QueueClient;
import com.example.blog.generated.ResizeImage;
import com.example.blog.generated.ResizeImageProducer;
import com.example.blog.generated.ResizeImageWorker;
import com.example.blog.generated.SendWelcomeEmail;
import com.example.blog.generated.SendWelcomeEmailProducer;
import com.example.blog.generated.SendWelcomeEmailWorker;
import com.example.blog.generated.Worker;
import dev.dbtool.examples.blog.TestRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue through Redis faults and hostile streams, on Redis servers of the test's own: acknowledgements lost to a
 * crash are retried (no job runs twice), a Redis that comes back empty gets its consumer group again, entries no
 * handler can run are dead-lettered with the reason, and a handler that ignores interrupts is failed at its timeout.
 */
class QueueFaultsTest {
    @TempDir
    Path dir;

    static String prefix() { return "f" + UUID.randomUUID().toString().substring(0, 8); }

    static SendWelcomeEmail email(String to) { return new SendWelcomeEmail(UUID.randomUUID().toString(), to, null, null); }

    @Test
    void acknowledgementsThatTimeOutAreRetriedAndNoJobRunsTwice() throws Exception {
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort());
        String prefix = prefix();
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        // a short command timeout, so that Redis pausing writes for longer makes acknowledgements fail
        try (QueueClient client = QueueClient.connect(own.url(), Duration.ofMillis(500))) {
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
            int n = 3000;
            List<SendWelcomeEmail> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) jobs.add(email("u" + i + "@example.com"));
            producer.addBulk(jobs);
            // a visibility timeout short enough that a dropped acknowledgement shows as a second run within the test
            Worker<SendWelcomeEmail> worker = SendWelcomeEmailWorker.start(client, prefix, job -> {
                runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(2);
            }, SendWelcomeEmailWorker.settings().withConcurrency(20).withVisibility(Duration.ofSeconds(4)));
            try {
                BlogQueueTest.await("a third of the jobs", Duration.ofSeconds(30), () -> runs.size() > n / 3);
                own.sync(r -> r.clientPause(2500)); // every client's commands wait 2.5 s: acknowledgements time out
                BlogQueueTest.await("every job", Duration.ofSeconds(60), () -> completed(producer) >= n);
                Thread.sleep(5000); // past the visibility timeout: a job whose acknowledgement was dropped would run again now
                long twice = runs.values().stream().filter(c -> c.get() > 1).count();
                System.out.printf("acknowledgements timed out: %d jobs, %d ran twice, %d settle retries%n", runs.size(), twice, worker.settleRetries());
                assertEquals(n, runs.size(), "every job ran");
                assertTrue(worker.settleRetries() > 0, "settling was retried (the fault did happen)");
                assertEquals(0, twice, "no job ran twice");
                assertEquals(0, producer.queue().stats().active(), "nothing left pending");
            } finally {
                worker.close();
            }
        } finally {
            own.stop();
        }
    }

    /** Completed jobs, or -1 while Redis does not answer in time. */
    static long completed(SendWelcomeEmailProducer producer) {
        try {
            return producer.queue().stats().completed();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Test
    void aWorkerCarriesOnAfterRedisComesBackEmpty() throws Exception {
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort());
        String prefix = prefix();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (QueueClient client = QueueClient.connect(own.url())) {
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
            try (Worker<SendWelcomeEmail> worker = SendWelcomeEmailWorker.start(client, prefix, job -> seen.add(job.payload().to()), SendWelcomeEmailWorker.settings())) {
                producer.add(email("before@example.com"));
                BlogQueueTest.await("the first job", Duration.ofSeconds(10), () -> seen.contains("before@example.com"));
                own.crash();
                own = TestRedis.Own.start(own.port()); // no persistence: the streams and the consumer group are gone
                long deadline = System.currentTimeMillis() + 15_000;
                while (true) {
                    try {
                        producer.add(email("after@example.com"));
                        break;
                    } catch (RuntimeException e) {
                        if (System.currentTimeMillis() > deadline) throw e;
                        Thread.sleep(200); // the client reconnects
                    }
                }
                BlogQueueTest.await("a job added after the empty restart", Duration.ofSeconds(20), () -> seen.contains("after@example.com"));
                assertEquals(2, seen.size(), seen.toString());
                assertEquals(0, worker.abandoned());
            }
        } finally {
            own.stop();
        }
    }

    @Test
    void entriesNoHandlerCanRunAreDeadLetteredWithTheReason() throws Exception {
        String prefix = prefix();
        List<SendWelcomeEmail> handled = new CopyOnWriteArrayList<>();
        try (QueueClient client = QueueClient.connect(TestRedis.url())) {
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
            String ready = "{" + prefix + ":q:" + SendWelcomeEmailProducer.QUEUE + "}:ready";
            TestRedis.sync(TestRedis.url(), r -> {
                r.xadd(ready, Map.of("foo", "bar"));
                r.xadd(ready, Map.of("job", "bad-json", "payload", "{not json", "attempts", "0"));
                r.xadd(ready, Map.of("job", "empty-object", "payload", "{\"foo\":1}", "attempts", "0"));
                r.xadd(ready, Map.of("job", "bad-email", "payload", "{\"userId\":\"u\",\"to\":\"not-an-email\"}", "attempts", "0"));
                r.xadd(ready, Map.of("job", "other-type", "payload", "{\"url\":\"https://x.org/a.png\",\"width\":1,\"height\":1}", "attempts", "0",
                        "type", "ResizeImage"));
                r.xadd(ready, Map.of("job", "no-payload", "attempts", "0"));
                return null;
            });
            producer.add(email("good@example.com"), JobOptions.id("good"));
            try (Worker<SendWelcomeEmail> worker = SendWelcomeEmailWorker.start(client, prefix, job -> handled.add(job.payload()), SendWelcomeEmailWorker.settings())) {
                BlogQueueTest.await("the good job", Duration.ofSeconds(10), () -> handled.size() == 1);
                BlogQueueTest.await("six dead letters", Duration.ofSeconds(10), () -> producer.queue().dead(100).size() == 6);
                assertEquals("good@example.com", handled.get(0).to(), "the handler saw the good job only");
                Map<String, String> reasons = new java.util.TreeMap<>();
                for (String id : producer.queue().dead(100)) reasons.put(id.startsWith("entry:") ? "entry" : id, producer.queue().inspect(id).get("lastError"));
                System.out.println("dead letters: " + reasons);
                assertTrue(reasons.get("entry").contains("no job id"), reasons.toString());
                assertTrue(reasons.get("bad-json").startsWith("payload rejected"), reasons.toString());
                assertTrue(reasons.get("empty-object").contains("Required"), reasons.toString());
                assertTrue(reasons.get("bad-email").contains("[to]"), reasons.toString());
                assertTrue(reasons.get("other-type").contains("ResizeImage job"), reasons.toString());
                assertTrue(reasons.get("no-payload").contains("no payload"), reasons.toString());
                assertEquals(0, producer.queue().stats().active(), "nothing is left pending");
                BlogQueueTest.await("the good job's completion", Duration.ofSeconds(5), () -> producer.queue().stats().completed() == 1);
                assertTrue(producer.queue().retryDead("bad-email"), "a rejected job can be retried by hand like any dead letter");
                BlogQueueTest.await("its second rejection", Duration.ofSeconds(5), () -> producer.queue().dead(100).contains("bad-email"));
                assertEquals(1, handled.size(), "still never handled");
                assertEquals(0, worker.active());
            }
        }
    }

    @Test
    void aPausedQueueTakesNoNewJobsUntilItIsResumed() throws Exception {
        String prefix = prefix();
        String redis = TestRedis.url();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (QueueClient client = QueueClient.connect(redis)) {
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
            try (Worker<SendWelcomeEmail> worker = SendWelcomeEmailWorker.start(client, prefix, job -> {
                seen.add(job.payload().to());
                if (job.payload().to().startsWith("long")) Thread.sleep(800);
            }, SendWelcomeEmailWorker.settings())) {
                producer.add(email("long@example.com"));
                BlogQueueTest.await("the long job to start", Duration.ofSeconds(10), () -> seen.contains("long@example.com"));
                BlogQueueTest.Result paused = BlogQueueTest.cli("queue", "pause", SendWelcomeEmailProducer.QUEUE, "--url", redis, "--prefix", prefix);
                assertEquals(0, paused.code(), paused.err());
                assertTrue(producer.queue().paused());
                Thread.sleep(700); // the workers notice within half a second (a check every 250 ms, a read already waiting up to 200 ms)
                for (int i = 0; i < 5; i++) producer.add(email("p" + i + "@example.com"));
                Thread.sleep(1500);
                assertEquals(List.of("long@example.com"), seen, "nothing new while paused");
                BlogQueueTest.await("the running job to finish", Duration.ofSeconds(5), () -> producer.queue().stats().completed() == 1);
                BlogQueueTest.Result stats = BlogQueueTest.cli("queue-stats", "--url", redis, "--prefix", prefix);
                assertTrue(stats.out().contains("email-queue (paused)") && stats.out().lines().anyMatch(l -> l.matches("email-queue \\(paused\\)\\s+5\\s.*")),
                        stats.out());
                producer.queue().resume();
                BlogQueueTest.await("the five jobs after the resume", Duration.ofSeconds(10), () -> seen.size() == 6);
                BlogQueueTest.Result again = BlogQueueTest.cli("queue", "resume", SendWelcomeEmailProducer.QUEUE, "--url", redis, "--prefix", prefix);
                assertTrue(again.err().contains("was not paused"), again.err());
                BlogQueueTest.await("the worker idle again", Duration.ofSeconds(5), () -> worker.active() == 0);
            }
        }
    }

    @Test
    void queueAndWorkerNumbersArePublishedThroughMicrometer() throws Exception {
        String prefix = prefix();
        try (QueueClient client = QueueClient.connect(TestRedis.url())) {
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
            try (Worker<SendWelcomeEmail> worker = SendWelcomeEmailWorker.start(client, prefix, job -> { }, SendWelcomeEmailWorker.settings())) {
                var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
                new com.example.blog.generated.QueueMetrics(producer.queue(), worker).bindTo(registry);
                for (int i = 0; i < 3; i++) producer.add(email("m" + i + "@example.com"));
                producer.add(email("later@example.com"), JobOptions.NONE.withDelay(Duration.ofMinutes(5)));
                BlogQueueTest.await("three completions", Duration.ofSeconds(10), () -> producer.queue().stats().completed() == 3);
                Thread.sleep(1100); // the meters read Redis at most once a second
                var tag = io.micrometer.core.instrument.Tags.of("queue", SendWelcomeEmailProducer.QUEUE);
                assertEquals(3.0, registry.get("dbtool.queue.completed").tags(tag).functionCounter().count());
                assertEquals(4.0, registry.get("dbtool.queue.added").tags(tag).functionCounter().count());
                assertEquals(1.0, registry.get("dbtool.queue.delayed").tags(tag).gauge().value());
                assertEquals(0.0, registry.get("dbtool.queue.waiting").tags(tag).gauge().value());
                assertEquals(0.0, registry.get("dbtool.queue.worker.abandoned").tags(tag).gauge().value());
                assertEquals(0.0, registry.get("dbtool.queue.worker.settle.retries").tags(tag).functionCounter().count());
            }
        }
    }

    @Test
    void schedulesLiveInRedisAndFireOncePerTickInTheirZoneAcrossWorkersAndRestarts() throws Exception {
        String prefix = prefix();
        java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
        int hour = java.time.ZonedDateTime.now(kolkata).getHour();
        // every two seconds, but only in this hour and the next of Kolkata's day: read in UTC it would not fire for hours
        String cron = "*/2 * " + hour + "," + (hour + 1) % 24 + " * * *";
        assertTrue(com.example.blog.generated.Cron.parse(cron).next(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)).isAfter(
                java.time.ZonedDateTime.now().plusMinutes(60)), "the zone matters");
        String payload = "{\"userId\":\"u\",\"to\":\"digest@example.com\"}";
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        try (QueueClient client = QueueClient.connect(TestRedis.url())) {
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
            List<Worker<SendWelcomeEmail>> workers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(SendWelcomeEmailWorker.start(client, prefix, job -> runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet(),
                        SendWelcomeEmailWorker.settings()));
            }
            workers.get(0).repeat("digest", cron, kolkata, payload);
            Thread.sleep(5000);
            for (Worker<SendWelcomeEmail> w : workers) w.close();
            System.out.println("ticks with three workers: " + runs);
            assertTrue(runs.size() >= 2, "it fired: " + runs);
            for (Map.Entry<String, AtomicInteger> e : runs.entrySet()) {
                assertEquals(1, e.getValue().get(), "each tick once across three workers: " + e.getKey());
                assertEquals(0, Long.parseLong(e.getKey().substring(e.getKey().lastIndexOf(':') + 1)) % 2000, "on the even seconds: " + e.getKey());
            }
            // a worker started later, which never called repeat(), finds the schedule in Redis
            int before = runs.size();
            try (Worker<SendWelcomeEmail> later = SendWelcomeEmailWorker.start(client, prefix,
                    job -> runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet(), SendWelcomeEmailWorker.settings())) {
                BlogQueueTest.await("a tick after the restart", Duration.ofSeconds(6), () -> runs.size() > before);
                assertEquals(java.util.Set.of("digest"), producer.queue().schedules().keySet());
                assertTrue(producer.queue().unschedule("digest"));
                Thread.sleep(3500); // the worker rereads the schedules within a second; a tick added before that (due within 2 s) still runs
                int after = runs.size();
                Thread.sleep(3000);
                assertEquals(after, runs.size(), "no tick after unschedule");
                assertEquals(0, later.abandoned());
            }
            assertThrows(IllegalArgumentException.class, () -> producer.queue().schedule("bad", "61 * * * *", kolkata, payload));
            try (Worker<SendWelcomeEmail> w = SendWelcomeEmailWorker.start(client, prefix, job -> { }, SendWelcomeEmailWorker.settings())) {
                assertThrows(IllegalArgumentException.class, () -> w.repeat("invalid", "* * * * *", "{\"to\":\"not-an-email\"}"), "the payload is checked now");
            }
        }
    }

    @Test
    void jobEventsReachListenersOnOtherConnectionsInOrder() throws Exception {
        String prefix = prefix();
        List<com.example.blog.generated.QueueEvents.Event> seen = new CopyOnWriteArrayList<>();
        // the listener, the producer and the worker share nothing but Redis, as three processes would
        try (QueueClient listening = QueueClient.connect(TestRedis.url()); QueueClient producing = QueueClient.connect(TestRedis.url());
                QueueClient working = QueueClient.connect(TestRedis.url())) {
            var events = com.example.blog.generated.QueueEvents.listen(listening, prefix, SendWelcomeEmailProducer.QUEUE, seen::add);
            Thread.sleep(300); // listening from now on
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(producing, prefix);
            try (Worker<SendWelcomeEmail> worker = SendWelcomeEmailWorker.start(working, prefix, job -> {
                job.progress(50);
                if (job.payload().to().startsWith("flaky") && job.attempt() == 1) throw new IllegalStateException("first try fails");
                if (job.payload().to().startsWith("doomed")) throw new IllegalStateException("always fails");
            }, SendWelcomeEmailWorker.settings())) {
                producer.add(email("ok@example.com"), JobOptions.id("ok"));
                producer.add(email("flaky@example.com"), JobOptions.id("flaky").withBackoffDelay(Duration.ofMillis(100)));
                producer.add(email("doomed@example.com"), JobOptions.id("doomed").withAttempts(1));
                TestRedis.sync(TestRedis.url(), r -> r.xadd("{" + prefix + ":q:" + SendWelcomeEmailProducer.QUEUE + "}:ready", Map.of("job", "junk", "attempts", "0")));
                BlogQueueTest.await("the events", Duration.ofSeconds(10), () -> types(seen, "flaky").contains("completed") && types(seen, "doomed").contains("dead")
                        && types(seen, "junk").contains("rejected") && worker.active() == 0);
            } finally {
                events.close();
            }
            System.out.println("events: " + seen.stream().map(e -> e.type() + ":" + e.jobId()).toList());
            assertEquals(List.of("added", "progress", "completed"), types(seen, "ok"));
            assertEquals(List.of("added", "progress", "retrying", "progress", "completed"), types(seen, "flaky"));
            assertEquals(List.of("added", "progress", "dead"), types(seen, "doomed"));
            assertEquals(List.of("rejected"), types(seen, "junk"));
            var retrying = seen.stream().filter(e -> e.type().equals("retrying")).findFirst().orElseThrow();
            assertEquals("1", retrying.fields().get("attempt"));
            assertTrue(retrying.fields().get("error").contains("first try fails"), retrying.fields().toString());
            assertEquals("50", seen.stream().filter(e -> e.type().equals("progress")).findFirst().orElseThrow().fields().get("progress"));
        }
    }

    static List<String> types(List<com.example.blog.generated.QueueEvents.Event> events, String job) {
        return events.stream().filter(e -> job.equals(e.jobId())).map(com.example.blog.generated.QueueEvents.Event::type).toList();
    }

    @Test
    void queuesRunOnAThreeMasterRedisCluster() throws Exception {
        List<dev.dbtool.examples.blog.RedisProcess> nodes = dev.dbtool.examples.blog.RedisProcess.cluster(dir);
        try {
            // a prefix whose two queues hash to different masters
            String prefix = prefix();
            while (slotOwner("{" + prefix + ":q:" + SendWelcomeEmailProducer.QUEUE + "}") == slotOwner("{" + prefix + ":q:" + ResizeImageProducer.QUEUE + "}")) {
                prefix = prefix();
            }
            String cluster = dev.dbtool.examples.blog.RedisProcess.clusterUrl(nodes);
            Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
            List<com.example.blog.generated.QueueEvents.Event> events = new CopyOnWriteArrayList<>();
            try (QueueClient client = QueueClient.connect(cluster)) {
                SendWelcomeEmailProducer emails = new SendWelcomeEmailProducer(client, prefix);
                ResizeImageProducer images = new ResizeImageProducer(client, prefix);
                var listening = com.example.blog.generated.QueueEvents.listen(client, prefix, ResizeImageProducer.QUEUE, events::add);
                try (Worker<SendWelcomeEmail> a = SendWelcomeEmailWorker.start(client, prefix, job -> runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet(),
                        SendWelcomeEmailWorker.settings());
                        Worker<ResizeImage> b = ResizeImageWorker.start(client, prefix, job -> runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet(),
                                ResizeImageWorker.settings())) {
                    Thread.sleep(300);
                    List<SendWelcomeEmail> mails = new ArrayList<>();
                    for (int i = 0; i < 200; i++) mails.add(email("c" + i + "@example.com"));
                    emails.addBulk(mails);
                    for (int i = 0; i < 50; i++) images.add(new ResizeImage("https://x.org/" + i + ".png", 10, 10));
                    emails.add(email("later@example.com"), JobOptions.NONE.withDelay(Duration.ofMillis(300)));
                    BlogQueueTest.await("every job on both masters", Duration.ofSeconds(30), () -> runs.size() == 251 && a.active() == 0 && b.active() == 0);
                    assertTrue(runs.values().stream().allMatch(c -> c.get() == 1), "each once");
                    BlogQueueTest.await("the completions counted", Duration.ofSeconds(5),
                            () -> emails.queue().stats().completed() == 201 && images.queue().stats().completed() == 50);
                    BlogQueueTest.await("the events", Duration.ofSeconds(5), () -> events.stream().filter(e -> e.type().equals("completed")).count() == 50);
                } finally {
                    listening.close();
                }
            }
            long used = nodes.stream().filter(n -> n.sync(c -> c.dbsize()) > 0).count();
            assertTrue(used >= 2, "the queues live on different masters: " + used);
            BlogQueueTest.Result stats = BlogQueueTest.cli("queue-stats", "--url", cluster, "--prefix", prefix, "--format", "json");
            assertEquals(0, stats.code(), stats.err());
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats.out()).path("queues");
            Map<String, Long> completed = new java.util.TreeMap<>();
            for (var q : json) completed.put(q.path("queue").asText(), q.path("completed").asLong());
            assertEquals(Map.of(SendWelcomeEmailProducer.QUEUE, 201L, ResizeImageProducer.QUEUE, 50L), completed, "queue-stats reads the Cluster");
        } finally {
            nodes.forEach(dev.dbtool.examples.blog.RedisProcess::close);
        }
    }

    static int slotOwner(String key) { return dev.dbtool.examples.blog.RedisProcess.owner(io.lettuce.core.cluster.SlotHash.getSlot(key)); }

    @Test
    void numericPrioritiesGoLowestNumberFirstInArrivalOrderAheadOfUnprioritizedJobs() throws Exception {
        String prefix = prefix();
        List<String> order = new CopyOnWriteArrayList<>();
        try (QueueClient client = QueueClient.connect(TestRedis.url())) {
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
            for (int i = 0; i < 3; i++) producer.add(email("u" + i + "@example.com"), JobOptions.id("u" + i));
            int[] priorities = {5, 1, 3, 1, 2, 5, 2_097_152};
            String[] ids = {"p5a", "p1a", "p3", "p1b", "p2", "p5b", "plast"};
            for (int i = 0; i < ids.length; i++) producer.add(email(ids[i] + "@example.com"), JobOptions.id(ids[i]).withPriority(priorities[i]));
            producer.add(email("late@example.com"), JobOptions.id("p4-delayed").withPriority(4).withDelay(Duration.ofMillis(1)));
            Thread.sleep(50);
            assertEquals(11, producer.queue().stats().waiting() + producer.queue().stats().delayed(), "prioritized jobs count as waiting");
            assertThrows(IllegalArgumentException.class, () -> JobOptions.NONE.withPriority(2_097_153));
            try (Worker<SendWelcomeEmail> worker = SendWelcomeEmailWorker.start(client, prefix, job -> order.add(job.id()),
                    SendWelcomeEmailWorker.settings().withConcurrency(1))) {
                BlogQueueTest.await("every job", Duration.ofSeconds(10), () -> order.size() == 11);
                assertEquals(0, worker.active());
            }
            assertEquals(List.of("p1a", "p1b", "p2", "p3", "p4-delayed", "p5a", "p5b", "plast", "u0", "u1", "u2"), order);
        }
    }

    @Test
    void aFlowParentRunsOnceAllItsChildrenOnAnotherQueueCompleted() throws Exception {
        String prefix = prefix();
        Map<String, Long> childDone = new ConcurrentHashMap<>();
        List<Long> parentStarts = new CopyOnWriteArrayList<>();
        try (QueueClient client = QueueClient.connect(TestRedis.url())) {
            SendWelcomeEmailProducer emails = new SendWelcomeEmailProducer(client, prefix);
            ResizeImageProducer images = new ResizeImageProducer(client, prefix);
            try (Worker<SendWelcomeEmail> children = SendWelcomeEmailWorker.start(client, prefix, job -> {
                Thread.sleep(5);
                childDone.put(job.id(), System.currentTimeMillis());
            }, SendWelcomeEmailWorker.settings());
                    Worker<ResizeImage> parents = ResizeImageWorker.start(client, prefix, job -> parentStarts.add(System.currentTimeMillis()), ResizeImageWorker.settings())) {
                List<com.example.blog.generated.Flow.Job> kids = new ArrayList<>();
                for (int i = 0; i < 100; i++) kids.add(emails.flowJob(email("kid" + i + "@example.com"), JobOptions.id("kid-" + i)));
                String parent = com.example.blog.generated.Flow.add(images.flowJob(new ResizeImage("https://x.org/all.png", 10, 10), JobOptions.id("parent")), kids,
                        com.example.blog.generated.Flow.OnChildFailure.FAIL_PARENT);
                assertEquals("parent", parent);
                assertEquals("waiting-children", images.queue().inspect("parent").get("state"));
                assertEquals(1, images.queue().stats().waitingChildren(), "counted while it waits");
                BlogQueueTest.await("the parent", Duration.ofSeconds(20), () -> parentStarts.size() == 1);
                assertEquals(100, childDone.size());
                long lastChild = childDone.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                assertTrue(parentStarts.get(0) >= lastChild, "the parent started after the last child finished");
                BlogQueueTest.await("the parent's completion", Duration.ofSeconds(5), () -> "completed".equals(images.queue().inspect("parent").get("state")));
                assertEquals(0, images.queue().stats().waitingChildren());
                assertEquals(0, children.active() + parents.active());
                assertThrows(IllegalArgumentException.class, () -> images.flowJob(new ResizeImage("https://x.org/a.png", 0, 1), JobOptions.NONE),
                        "a flow's payloads are validated like any other");
            }
        }
    }

    @Test
    void aDeadChildDeadLettersItsParentOrCountsAsDoneAsThePolicySays() throws Exception {
        String prefix = prefix();
        List<String> parentsRun = new CopyOnWriteArrayList<>();
        try (QueueClient client = QueueClient.connect(TestRedis.url())) {
            SendWelcomeEmailProducer emails = new SendWelcomeEmailProducer(client, prefix);
            ResizeImageProducer images = new ResizeImageProducer(client, prefix);
            List<String> flakyDone = new CopyOnWriteArrayList<>();
            try (Worker<SendWelcomeEmail> children = SendWelcomeEmailWorker.start(client, prefix, job -> {
                if (job.payload().to().startsWith("doomed")) throw new IllegalStateException("this child always fails");
                if (job.payload().to().startsWith("flaky") && job.attempt() == 1) throw new IllegalStateException("fails once");
                if (job.payload().to().startsWith("flaky")) flakyDone.add(job.id());
            }, SendWelcomeEmailWorker.settings());
                    Worker<ResizeImage> parents = ResizeImageWorker.start(client, prefix, job -> parentsRun.add(job.id()), ResizeImageWorker.settings())) {
                for (var policy : com.example.blog.generated.Flow.OnChildFailure.values()) {
                    String p = "parent-" + policy;
                    com.example.blog.generated.Flow.add(images.flowJob(new ResizeImage("https://x.org/p.png", 10, 10), JobOptions.id(p)),
                            List.of(emails.flowJob(email("fine@example.com"), JobOptions.id("fine-" + policy)),
                                    // retried once: its second delivery goes through the delayed set and must still report
                                    emails.flowJob(email("flaky@example.com"), JobOptions.id("flaky-" + policy).withBackoffDelay(Duration.ofMillis(200))),
                                    emails.flowJob(email("doomed@example.com"), JobOptions.id("doomed-" + policy).withAttempts(1))), policy);
                }
                BlogQueueTest.await("the ignoring parent runs", Duration.ofSeconds(10), () -> parentsRun.contains("parent-IGNORE"));
                assertTrue(flakyDone.contains("flaky-IGNORE"), "the parent waited for the child that needed a retry");
                BlogQueueTest.await("the failing parent is dead", Duration.ofSeconds(10),
                        () -> "dead".equals(images.queue().inspect("parent-FAIL_PARENT").get("state")));
                assertTrue(images.queue().inspect("parent-FAIL_PARENT").get("lastError").contains("doomed-FAIL_PARENT"),
                        images.queue().inspect("parent-FAIL_PARENT").toString());
                Thread.sleep(300);
                assertEquals(List.of("parent-IGNORE"), parentsRun, "the parent whose child died never ran");
                assertEquals(0, children.active() + parents.active());
            }
        }
    }

    @Test
    void aHandlerThatIgnoresInterruptsIsFailedAndRetriedAtItsTimeout() throws Exception {
        String prefix = prefix();
        List<Long> starts = new CopyOnWriteArrayList<>();
        try (QueueClient client = QueueClient.connect(TestRedis.url())) {
            SendWelcomeEmailProducer producer = new SendWelcomeEmailProducer(client, prefix);
            Worker.Settings settings = SendWelcomeEmailWorker.settings().withTimeout(Duration.ofMillis(300)).withConcurrency(1);
            try (Worker<SendWelcomeEmail> worker = SendWelcomeEmailWorker.start(client, prefix, job -> {
                starts.add(System.currentTimeMillis());
                long end = System.currentTimeMillis() + 4000;
                while (System.currentTimeMillis() < end) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // a handler that swallows the interrupt
                    }
                }
            }, settings)) {
                producer.add(email("stubborn@example.com"), JobOptions.id("stubborn").withAttempts(2).withBackoffDelay(Duration.ofMillis(100)));
                BlogQueueTest.await("the second attempt", Duration.ofSeconds(10), () -> starts.size() >= 2);
                long gap = starts.get(1) - starts.get(0);
                assertTrue(gap < 2000, "retried at the timeout, not after the handler gave up 4 s later: " + gap + " ms");
                assertTrue(worker.abandoned() >= 1, "the first handler still runs on its own thread");
                assertTrue(producer.queue().inspect("stubborn").get("lastError").contains("TimeoutException"));
            }
        }
    }
}
