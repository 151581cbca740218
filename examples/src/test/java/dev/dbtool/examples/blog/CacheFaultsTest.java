package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import com.example.blog.generated.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache layer against what real Redis servers do besides dying empty: a restart from an RDB snapshot taken before
 * the last writes, a restart from the AOF, counters lost to eviction or expiry, FLUSHALL, and a server frozen
 * (SIGSTOP) while a write commits. Every check reads one user's karma through the four cached read paths (a row by id,
 * the query cache, a relation to one, a page with relations) and expects the last committed value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheFaultsTest {
    static final Principal ADMIN = BlogCacheTest.ADMIN;
    static final ObjectMapper JSON = new ObjectMapper();
    CacheFixture fx;
    @TempDir
    Path dir;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_faults", 17);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    Api api(String redisUrl) { return fx.api(redisUrl, CacheFixture.freshPrefix()); }

    /** A user with a post, the four queries that read the user's karma, and how to find it in each answer. */
    record Target(String userId, long postId) {
        List<String> queries() {
            return List.of("{ user(id: \"" + userId + "\") { karma } }",
                    "{ users(first: 1, where: {id: {equals: \"" + userId + "\"}}) { edges { node { karma } } } }",
                    "{ post(id: " + postId + ") { author { karma } } }",
                    "{ posts(first: 3, where: {authorId: {equals: \"" + userId + "\"}}) { edges { node { author { karma } } } } }");
        }

        static long karma(JsonNode data) {
            JsonNode n = data.has("user") ? data.path("user")
                    : data.has("users") ? data.path("users").path("edges").path(0).path("node")
                    : data.has("post") ? data.path("post").path("author") : data.path("posts").path("edges").path(0).path("node").path("author");
            if (!n.has("karma")) throw new AssertionError("no karma in " + data);
            return n.path("karma").asLong();
        }
    }

    Target target(int offset) throws Exception {
        String user = sql("SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM \"Post\" p WHERE p.\"authorId\" = u.id AND p.\"deletedAt\" IS NULL) ORDER BY u.email LIMIT 1 OFFSET " + offset);
        return new Target(user, Long.parseLong(sql("SELECT min(id) FROM \"Post\" WHERE \"deletedAt\" IS NULL AND \"authorId\" = '" + user + "'")));
    }

    static JsonNode run(Api api, String query) {
        ExecutionResult r = api.execute(query, null, Map.of(), ADMIN);
        JsonNode body = JSON.valueToTree(r.toSpecification());
        assertTrue(r.getErrors().isEmpty(), body::toString);
        return body.path("data");
    }

    static void write(Api api, Target t, long karma) {
        run(api, "mutation { updateUser(id: \"" + t.userId() + "\", data: {karma: " + karma + "}) { id } }");
    }

    /** Reads every path twice (the second from the cache when it works) and checks the karma each time. */
    void expect(Api api, Target t, long karma, String when) {
        for (int round = 0; round < 2; round++) {
            for (String q : t.queries()) assertEquals(karma, Target.karma(run(api, q)), when + ": " + q);
        }
    }

    /** Reads until the cache answers a row by id again (Lettuce reconnected), checking the karma on every read. */
    void untilCached(Api api, Target t, long karma) throws Exception {
        String q = t.queries().get(0);
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            assertEquals(karma, Target.karma(run(api, q)), "while reconnecting");
            long before = fx.counting.statements();
            assertEquals(karma, Target.karma(run(api, q)), "while reconnecting");
            if (fx.counting.statements() == before) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the cache was not used again within 15 s");
    }

    String sql(String query) throws Exception { return fx.sql(query); }

    @Test
    void aRestartFromASnapshotTakenBeforeTheLastWriteServesNothingFromIt() throws Exception {
        Path data = Files.createDirectories(dir.resolve("rdb"));
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort(), "save \"\"", "appendonly no", "dir " + data);
        try {
            Api api = api(own.url());
            Target t = target(0);
            write(api, t, 4111);
            expect(api, t, 4111, "before the snapshot");
            assertEquals("OK", own.sync(r -> r.save()));
            write(api, t, 4222);
            expect(api, t, 4222, "after the write");
            own.crash();
            own = TestRedis.Own.start(own.port(), "save \"\"", "appendonly no", "dir " + data);
            // the danger is real: the snapshot brought back the entries cached before the write, counters and all
            assertTrue(own.sync(r -> r.keys("*")).stream().anyMatch(k -> k.contains(":id:" + t.userId() + ":v")), "the snapshot holds the old row entry");
            untilCached(api, t, 4222);
            expect(api, t, 4222, "after the restart from the snapshot");
            write(api, t, 4333);
            expect(api, t, 4333, "writes after the restart");
        } finally {
            own.stop();
        }
    }

    @Test
    void aRestartFromTheAofServesTheLastState() throws Exception {
        Path data = Files.createDirectories(dir.resolve("aof"));
        String[] settings = {"save \"\"", "appendonly yes", "appendfsync always", "dir " + data};
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort(), settings);
        try {
            Api api = api(own.url());
            Target t = target(1);
            write(api, t, 5111);
            expect(api, t, 5111, "before");
            write(api, t, 5222);
            expect(api, t, 5222, "after the write");
            own.crash();
            own = TestRedis.Own.start(own.port(), settings);
            untilCached(api, t, 5222);
            expect(api, t, 5222, "after the restart from the AOF");
        } finally {
            own.stop();
        }
    }

    @Test
    void countersLostToEvictionOrExpiryNeverBringOldEntriesBack() throws Exception {
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort());
        try {
            Api api = api(own.url());
            Target t = target(2);
            expect(api, t, Target.karma(run(api, t.queries().get(0))), "first reads");
            write(api, t, 6111);
            expect(api, t, 6111, "after the write");
            // what maxmemory eviction or an expiry does to a counter: it is simply gone, the entries stay
            int removed = own.evict(key -> key.endsWith(":gen") || key.endsWith(":epoch") || key.contains(":ver:"));
            assertTrue(removed > 0, "counters removed: " + removed);
            expect(api, t, 6111, "after the counters were lost");
            write(api, t, 6222);
            expect(api, t, 6222, "writes after that");
            own.sync(r -> r.flushall());
            expect(api, t, 6222, "after FLUSHALL");
            write(api, t, 6333);
            expect(api, t, 6333, "writes after FLUSHALL");
        } finally {
            own.stop();
        }
    }

    @Test
    void aWriteWhileRedisIsFrozenIsNeverReadStaleAfterItThaws() throws Exception {
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort());
        try {
            Api api = api(own.url());
            Target t = target(3);
            write(api, t, 7111);
            expect(api, t, 7111, "before");
            own.signal("STOP");
            try {
                // reads time out until the circuit breaker opens; the write's invalidation is then refused at once:
                // it never reaches Redis, not even late, and is kept
                for (int i = 0; i < 8; i++) assertEquals(7111, Target.karma(run(api, t.queries().get(0))), "while frozen: from the database");
                write(api, t, 7222);
                assertEquals(7222, Target.karma(run(api, t.queries().get(1))), "while frozen: from the database");
            } finally {
                own.signal("CONT");
            }
            Thread.sleep(2200); // the breaker lets calls through again
            // the very first reads after the thaw, the query cache first: none may serve the entry from before the write
            for (int i : new int[] {1, 3, 2, 0}) assertEquals(7222, Target.karma(run(api, t.queries().get(i))), "right after the thaw: " + t.queries().get(i));
            assertTrue(api.cache().stats().stalePrevented() > 0, "reads went to the database while the invalidation was pending");
            assertTrue(api.cache().stats().circuitOpened() > 0, "the breaker opened");
            untilCached(api, t, 7222);
            expect(api, t, 7222, "once the cache is used again");
        } finally {
            own.signal("CONT");
            own.stop();
        }
    }

    /** Stale reads seen by readers racing writers over every path while {@code fault} runs; {@code bypass} writes by SQL. */
    long race(Api api, List<Target> targets, boolean bypass, Runnable fault) throws Exception {
        AtomicLong[] committed = new AtomicLong[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            committed[i] = new AtomicLong(900_000);
            write(api, targets.get(i), 900_000);
            expect(api, targets.get(i), 900_000, "start");
        }
        long end = System.nanoTime() + 3_000_000_000L;
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(targets.size() + 7);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < targets.size(); w++) {
            int row = w;
            futures.add(threads.submit(() -> {
                while (System.nanoTime() < end) {
                    long next = committed[row].get() + 1;
                    if (bypass) {
                        try (Connection c = DriverManager.getConnection(fx.db.jdbcUrl()); Statement st = c.createStatement()) {
                            st.execute("UPDATE users SET karma = " + next + " WHERE id = '" + targets.get(row).userId() + "'");
                        }
                        Thread.sleep(20);
                    } else {
                        write(api, targets.get(row), next);
                    }
                    committed[row].set(next);
                    writes.incrementAndGet();
                }
                return null;
            }));
        }
        for (int r = 0; r < 6; r++) {
            futures.add(threads.submit(() -> {
                Random random = new Random();
                while (System.nanoTime() < end) {
                    int row = random.nextInt(targets.size());
                    Target t = targets.get(row);
                    long floor = committed[row].get();
                    String q = t.queries().get(random.nextInt(4));
                    if (Target.karma(run(api, q)) < floor) stale.incrementAndGet();
                    reads.incrementAndGet();
                }
                return null;
            }));
        }
        futures.add(threads.submit(() -> {
            Thread.sleep(1000);
            fault.run();
            return null;
        }));
        for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        threads.shutdown();
        assertTrue(writes.get() > 20 && reads.get() > 100, reads + " reads, " + writes + " writes");
        System.out.printf("race%s: %d reads, %d writes, %d stale%n", bypass ? " (writes bypass the cache)" : "", reads.get(), writes.get(), stale.get());
        return stale.get();
    }

    @Test
    void racingReadersOnEveryPathNeverSeeAnOlderValueThroughFlushesAndLostCounters() throws Exception {
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort());
        try {
            Api api = api(own.url());
            List<Target> targets = List.of(target(4), target(5), target(6));
            long stale = race(api, targets, false, () -> {
                own.sync(r -> r.flushall());
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                own.evict(key -> key.endsWith(":gen") || key.contains(":ver:"));
            });
            assertEquals(0, stale, "stale reads through FLUSHALL and lost counters");
            assertTrue(api.cache().stats().hits() > 0, "the reads did use the cache");
            // the detector works: the same race with writes that bypass the cache does see stale values
            assertTrue(race(api, targets, true, () -> { }) > 0, "writes that bypass the cache are caught serving stale values");
        } finally {
            own.stop();
        }
    }

    @Test
    void racingReadersNeverSeeAnOlderValueThroughARestartFromASnapshot() throws Exception {
        Path data = Files.createDirectories(dir.resolve("race-rdb"));
        String[] settings = {"save \"\"", "appendonly no", "dir " + data};
        TestRedis.Own[] own = {TestRedis.Own.start(TestRedis.freePort(), settings)};
        try {
            Api api = api(own[0].url());
            List<Target> targets = List.of(target(7), target(8));
            for (Target t : targets) expect(api, t, Target.karma(run(api, t.queries().get(0))), "warm");
            own[0].sync(r -> r.save());
            long stale = race(api, targets, false, () -> {
                try {
                    own[0].crash();
                    own[0] = TestRedis.Own.start(own[0].port(), settings);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(0, stale, "stale reads through a crash and a restart from an older snapshot");
            assertTrue(own[0].sync(r -> r.dbsize()) > 0, "the cache was filled again after the restart");
        } finally {
            own[0].stop();
        }
    }
}
