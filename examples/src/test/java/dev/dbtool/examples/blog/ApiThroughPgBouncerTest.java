package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generated API server, configured as Prisma users write it ({@code ?pgbouncer=true}), behind a real PgBouncer in
 * transaction pooling with fewer server connections than the API's pool: the same statements run many times from
 * many threads, so server-side prepared statements would land on the wrong server connection if they were used.
 */
class ApiThroughPgBouncerTest {
    @Test
    void servesRepeatedConcurrentQueriesThroughTransactionPooling() throws Exception {
        String why = PgBouncer.missing();
        if (why != null) System.out.println("SKIPPED ApiThroughPgBouncerTest: " + why);
        assumeTrue(why == null, why);
        BlogDatabase.Seeded db = BlogDatabase.create("blog_bouncer", 12);
        try (PgBouncer bouncer = PgBouncer.start(db.jdbcUrl(), 3)) {
            String database = db.jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
            try (ApiServerProcess server = ApiServerProcess.start("postgresql://postgres@127.0.0.1:" + bouncer.port + "/" + database + "?pgbouncer=true", db)) {
                GraphQLClient client = new GraphQLClient(server.port);
                String token = Tokens.hs256("ops", "users:read users:contact posts:read");
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<Response>> calls = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        int first = 1 + i % 7;
                        calls.add(pool.submit(() -> client.post(token, "{ users(first: " + first + ") { totalCount edges { node { email posts(first: 2) { title } } } } }")));
                    }
                    for (Future<Response> f : calls) {
                        Response r = f.get(60, TimeUnit.SECONDS);
                        assertEquals(0, r.errors().size(), r.body().toString());
                        assertEquals(50, r.data().path("users").path("totalCount").asInt());
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }
}
