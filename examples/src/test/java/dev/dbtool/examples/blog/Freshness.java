package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import com.example.blog.generated.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
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

/**
 * Whether the cache ever serves a value older than the last committed write: one user's karma read through every
 * cached read path, checked after writes, and a race of writers and readers over all of them while a fault runs.
 */
final class Freshness {
    static final Principal ADMIN = BlogCacheTest.ADMIN;
    static final ObjectMapper JSON = new ObjectMapper();
    private final CacheFixture fx;

    Freshness(CacheFixture fx) {
        this.fx = fx;
    }

    /**
     * A user with a post, the queries that read the user's karma through every cached read path — a row by id, the
     * query cache, a relation to one, a page with relations, a unique lookup, a relation list with first/orderBy — and
     * how to find it in each answer.
     */
    record Target(String userId, long postId, String email) {
        List<String> queries() {
            return List.of("{ user(id: \"" + userId + "\") { karma } }",
                    "{ users(first: 1, where: {id: {equals: \"" + userId + "\"}}) { edges { node { karma } } } }",
                    "{ post(id: " + postId + ") { author { karma } } }",
                    "{ posts(first: 3, where: {authorId: {equals: \"" + userId + "\"}}) { edges { node { author { karma } } } } }",
                    "{ user(email: \"" + email + "\") { karma } }",
                    "{ user(id: \"" + userId + "\") { posts(first: 1, orderBy: [{id: asc}]) { author { karma } } } }");
        }

        static long karma(JsonNode data) {
            JsonNode n = data.findValue("karma");
            if (n == null) throw new AssertionError("no karma in " + data);
            return n.asLong();
        }
    }

    Target target(int offset) throws Exception {
        String user = fx.sql("SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM \"Post\" p WHERE p.\"authorId\" = u.id AND p.\"deletedAt\" IS NULL) ORDER BY u.email LIMIT 1 OFFSET " + offset);
        return new Target(user, Long.parseLong(fx.sql("SELECT min(id) FROM \"Post\" WHERE \"deletedAt\" IS NULL AND \"authorId\" = '" + user + "'")),
                fx.sql("SELECT email FROM users WHERE id = '" + user + "'"));
    }

    static JsonNode run(Api api, String query) {
        ExecutionResult r = api.execute(query, null, Map.of(), ADMIN);
        JsonNode body = JSON.valueToTree(r.toSpecification());
        assertTrue(r.getErrors().isEmpty(), body::toString);
        return body.path("data");
    }

    void write(Api api, Target t, long karma) {
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
                    String q = t.queries().get(random.nextInt(t.queries().size()));
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
}
