package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 200 concurrent misses of one entry — a row by id, a relation group, a page, a whole query result — in one process
 * and split over two (two Api instances that share only Redis and the key prefix) make the SQL of one cold read, no
 * more: single flight per process, the Redis lock across processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StampedeTest {
    CacheFixture fx;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_stampede", 19);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    Api api(String prefix) throws Exception { return fx.api(TestRedis.url(), prefix); }

    String sql(String query) throws Exception { return fx.sql(query); }

    static String fresh() { return CacheFixture.freshPrefix(); }

    Stream<Arguments> kinds() throws Exception {
        String user = sql("SELECT id FROM users ORDER BY email LIMIT 1 OFFSET 3");
        String author = sql("SELECT \"authorId\" FROM \"Post\" WHERE \"deletedAt\" IS NULL ORDER BY id LIMIT 1");
        List<Arguments> out = new ArrayList<>();
        for (int processes : new int[] {1, 2}) {
            out.add(Arguments.of("a row by id", processes, null, "{ user(id: \"" + user + "\") { karma } }"));
            out.add(Arguments.of("a relation group", processes, "{ user(id: \"" + author + "\") { karma } }", "{ user(id: \"" + author + "\") { posts { slug } } }"));
            out.add(Arguments.of("a relation list with first/orderBy", processes, "{ user(id: \"" + author + "\") { karma } }",
                    "{ user(id: \"" + author + "\") { posts(first: 2, orderBy: [{slug: desc}]) { slug } } }"));
            out.add(Arguments.of("a page", processes, null, "{ posts(first: 4, orderBy: [{slug: asc}]) { edges { node { slug } } } }"));
            out.add(Arguments.of("a query result", processes, null, "{ users(first: 3, orderBy: [{email: desc}]) { edges { node { email } } } }"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1} process(es)")
    @MethodSource("kinds")
    void concurrentMissesLoadOnce(String kind, int processes, String warm, String query) throws Exception {
        // what one cold read costs, on a prefix of its own
        Api cold = api(fresh());
        if (warm != null) BlogCacheTest.run(cold, BlogCacheTest.ADMIN, warm);
        long before = fx.counting.statements();
        JsonNode expected = BlogCacheTest.run(cold, BlogCacheTest.ADMIN, query);
        long oneLoad = fx.counting.statements() - before;
        assertTrue(oneLoad >= 1, "a cold read reads the database");

        String prefix = fresh();
        List<Api> instances = new ArrayList<>();
        for (int i = 0; i < processes; i++) instances.add(api(prefix));
        if (warm != null) BlogCacheTest.run(instances.get(0), BlogCacheTest.ADMIN, warm);
        int n = 200;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        List<Future<JsonNode>> results = new ArrayList<>();
        before = fx.counting.statements();
        for (int i = 0; i < n; i++) {
            Api api = instances.get(i % processes);
            results.add(threads.submit(() -> {
                go.await();
                return BlogCacheTest.run(api, BlogCacheTest.ADMIN, query);
            }));
        }
        go.countDown();
        for (Future<JsonNode> f : results) assertEquals(expected, f.get(30, TimeUnit.SECONDS));
        threads.shutdown();
        long made = fx.counting.statements() - before;
        System.out.printf("%s, %d process(es): %d concurrent misses, %d statements (one cold read: %d)%n", kind, processes, n, made, oneLoad);
        assertEquals(oneLoad, made, kind + ": " + n + " concurrent misses make the statements of one load");
    }
}
