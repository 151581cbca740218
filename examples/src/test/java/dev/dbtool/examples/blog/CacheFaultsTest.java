package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache layer against what real Redis servers do besides dying empty: a restart from an RDB snapshot taken before
 * the last writes, a restart from the AOF, counters lost to eviction or expiry, FLUSHALL, and a server frozen
 * (SIGSTOP) while a write commits. Every check reads one user's karma through the six cached read paths ({@link Freshness})
 * and expects the last committed value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheFaultsTest {
    CacheFixture fx;
    Freshness check;
    @TempDir
    Path dir;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_faults", 17);
        check = new Freshness(fx);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    Api api(String redisUrl) { return fx.api(redisUrl, CacheFixture.freshPrefix()); }

    @Test
    void aRestartFromASnapshotTakenBeforeTheLastWriteServesNothingFromIt() throws Exception {
        Path data = Files.createDirectories(dir.resolve("rdb"));
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort(), "save \"\"", "appendonly no", "dir " + data);
        try {
            Api api = api(own.url());
            Freshness.Target t = check.target(0);
            check.write(api, t, 4111);
            check.expect(api, t, 4111, "before the snapshot");
            assertEquals("OK", own.sync(r -> r.save()));
            check.write(api, t, 4222);
            check.expect(api, t, 4222, "after the write");
            own.crash();
            own = TestRedis.Own.start(own.port(), "save \"\"", "appendonly no", "dir " + data);
            // the danger is real: the snapshot brought back the entries cached before the write, counters and all
            assertTrue(own.sync(r -> r.keys("*")).stream().anyMatch(k -> k.contains(":id:" + t.userId() + ":v")), "the snapshot holds the old row entry");
            check.untilCached(api, t, 4222);
            check.expect(api, t, 4222, "after the restart from the snapshot");
            check.write(api, t, 4333);
            check.expect(api, t, 4333, "writes after the restart");
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
            Freshness.Target t = check.target(1);
            check.write(api, t, 5111);
            check.expect(api, t, 5111, "before");
            check.write(api, t, 5222);
            check.expect(api, t, 5222, "after the write");
            own.crash();
            own = TestRedis.Own.start(own.port(), settings);
            check.untilCached(api, t, 5222);
            check.expect(api, t, 5222, "after the restart from the AOF");
        } finally {
            own.stop();
        }
    }

    @Test
    void countersLostToEvictionOrExpiryNeverBringOldEntriesBack() throws Exception {
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort());
        try {
            Api api = api(own.url());
            Freshness.Target t = check.target(2);
            check.expect(api, t, Freshness.Target.karma(Freshness.run(api, t.queries().get(0))), "first reads");
            check.write(api, t, 6111);
            check.expect(api, t, 6111, "after the write");
            // what maxmemory eviction or an expiry does to a counter: it is simply gone, the entries stay
            int removed = own.evict(key -> key.endsWith(":gen") || key.endsWith(":epoch") || key.contains(":ver:"));
            assertTrue(removed > 0, "counters removed: " + removed);
            check.expect(api, t, 6111, "after the counters were lost");
            check.write(api, t, 6222);
            check.expect(api, t, 6222, "writes after that");
            own.sync(r -> r.flushall());
            check.expect(api, t, 6222, "after FLUSHALL");
            check.write(api, t, 6333);
            check.expect(api, t, 6333, "writes after FLUSHALL");
        } finally {
            own.stop();
        }
    }

    @Test
    void aWriteWhileRedisIsFrozenIsNeverReadStaleAfterItThaws() throws Exception {
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort());
        try {
            Api api = api(own.url());
            Freshness.Target t = check.target(3);
            check.write(api, t, 7111);
            check.expect(api, t, 7111, "before");
            own.signal("STOP");
            try {
                // reads time out until the circuit breaker opens; the write's invalidation is then refused at once:
                // it never reaches Redis, not even late, and is kept
                for (int i = 0; i < 8; i++) assertEquals(7111, Freshness.Target.karma(Freshness.run(api, t.queries().get(0))), "while frozen: from the database");
                check.write(api, t, 7222);
                assertEquals(7222, Freshness.Target.karma(Freshness.run(api, t.queries().get(1))), "while frozen: from the database");
            } finally {
                own.signal("CONT");
            }
            Thread.sleep(2200); // the breaker lets calls through again
            // the very first reads after the thaw, the query cache first: none may serve the entry from before the write
            for (int i : new int[] {1, 3, 2, 0}) assertEquals(7222, Freshness.Target.karma(Freshness.run(api, t.queries().get(i))), "right after the thaw: " + t.queries().get(i));
            assertTrue(api.cache().stats().stalePrevented() > 0, "reads went to the database while the invalidation was pending");
            assertTrue(api.cache().stats().circuitOpened() > 0, "the breaker opened");
            check.untilCached(api, t, 7222);
            check.expect(api, t, 7222, "once the cache is used again");
        } finally {
            own.signal("CONT");
            own.stop();
        }
    }

    @Test
    void racingReadersOnEveryPathNeverSeeAnOlderValueThroughFlushesAndLostCounters() throws Exception {
        TestRedis.Own own = TestRedis.Own.start(TestRedis.freePort());
        try {
            Api api = api(own.url());
            List<Freshness.Target> targets = List.of(check.target(4), check.target(5), check.target(6));
            long stale = check.race(api, targets, false, () -> {
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
            assertTrue(check.race(api, targets, true, () -> { }) > 0, "writes that bypass the cache are caught serving stale values");
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
            List<Freshness.Target> targets = List.of(check.target(7), check.target(8));
            for (Freshness.Target t : targets) check.expect(api, t, Freshness.Target.karma(Freshness.run(api, t.queries().get(0))), "warm");
            own[0].sync(r -> r.save());
            long stale = check.race(api, targets, false, () -> {
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
