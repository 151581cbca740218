package dev.dbtool.bench;

import com.example.blog.generated.Api;
import com.example.blog.generated.GraphQLHttpServer;
import com.example.blog.generated.JwtAuthenticator;
import com.example.blog.generated.KeyRing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbtool.database.embedded.EmbeddedServer;
import dev.dbtool.database.migrate.Migrator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The blog's generated GraphQL API under load (issue #5): an embedded PostgreSQL migrated with the blog's changelog,
 * USERS users × POSTS_PER_USER posts, the generated HTTP endpoint on loopback, CLIENTS closed-loop HTTP clients sending
 * a 2-level nested query (users → posts → author) for SECONDS after a warm-up. Prints requests/s, latency
 * percentiles and SQL statements per request (counted at the JDBC driver).
 * Usage: GraphQLBench BLOG_DIR [USERS] [POSTS_PER_USER] [SECONDS] [CLIENTS] [PAGE]
 */
public final class GraphQLBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphQLBench() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            serve(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        Path blog = Path.of(args[0]);
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int postsPerUser = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int page = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        try (EmbeddedServer pg = EmbeddedServer.startTemporary()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres")); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE bench");
            }
            String url = pg.jdbcUrl("bench");
            new Migrator(url, blog.resolve("migrations/changelog.yaml")).update("!seed");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("INSERT INTO users (id, email, password_hash, updated_at) SELECT gen_random_uuid(), 'user' || i || '@bench.example', "
                        + "'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', now() FROM generate_series(1, " + users + ") i");
                st.execute("INSERT INTO \"Post\" (slug, title, body, \"authorId\") SELECT 'post-' || u.n || '-' || j, 'Post ' || j || ' of user ' || u.n, 'body', u.id "
                        + "FROM (SELECT id, row_number() OVER (ORDER BY id) n FROM users) u, generate_series(1, " + postsPerUser + ") j");
                st.execute("INSERT INTO \"Tag\" (name) SELECT 'tag-' || i FROM generate_series(1, 200) i");
                st.execute("INSERT INTO \"_PostToTag\" (\"A\", \"B\") SELECT id, 1 + (id * 7) % 200 FROM \"Post\"");
                st.execute("INSERT INTO \"_PostToTag\" (\"A\", \"B\") SELECT id, 1 + (id * 13 + 5) % 200 FROM \"Post\" ON CONFLICT DO NOTHING");
                st.execute("ANALYZE");
            }
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(url);
            hc.setMaximumPoolSize(Math.max(4, clients));
            AtomicLong statements = new AtomicLong();
            try (HikariDataSource pool = new HikariDataSource(hc)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                KeyRing ring = KeyRing.parse("bench:" + Base64.getEncoder().encodeToString(key));
                String secret = "bench-secret-of-at-least-thirty-two-bytes";
                String hot = "query($a: String) { users(first: " + page + ", after: $a) { edges { node { email posts { title author { email } } } } } }";
                String cold = "query($a: String) { tags(first: " + page + ", after: $a) { edges { node { name posts { title } } } } }";
                Api plain = Api.create(counting(pool, statements), Api.defaultConfig().withKeyRing(ring));
                try (GraphQLHttpServer server = GraphQLHttpServer.start(plain, new JwtAuthenticator(secret, null, null, null), "127.0.0.1", 0, Math.max(4, clients))) {
                    System.out.println("== without the cache layer");
                    run(server.port(), token(secret), users, postsPerUser, seconds, clients, page, statements, hot, "users");
                    run(server.port(), token(secret), users, postsPerUser, seconds, clients, page, statements, cold, "tags");
                }
                int redisPort;
                try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                    redisPort = s.getLocalPort();
                }
                redis.embedded.RedisServer redisServer = redis.embedded.RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
                redisServer.start();
                try {
                    Api cached = Api.create(counting(pool, statements), Api.defaultConfig().withKeyRing(ring), new com.example.blog.generated.CacheConfig(
                            "redis://127.0.0.1:" + redisPort, null, "bench", java.time.Duration.ofMillis(250), java.util.Map.of(), false));
                    try (GraphQLHttpServer server = GraphQLHttpServer.start(cached, new JwtAuthenticator(secret, null, null, null), "127.0.0.1", 0, Math.max(4, clients))) {
                        System.out.println("== with the cache layer (Redis 6.2 on loopback)");
                        run(server.port(), token(secret), users, postsPerUser, seconds, clients, page, statements, hot, "users");
                        run(server.port(), token(secret), users, postsPerUser, seconds, clients, page, statements, cold, "tags");
                        System.out.println("cache: " + cached.cache().stats().snapshot());
                    } finally {
                        cached.close();
                    }
                } finally {
                    redisServer.stop();
                }
            }
        }
    }

    /**
     * For bench/graphql-api.sh: the same data, the blog's API served without and with the cache layer, and the database's
     * URL for a peer (PostGraphile) to serve the same tables. Prints one JSON line, then serves until stdin closes.
     */
    private static void serve(Path blog, int users, int postsPerUser) throws Exception {
        try (EmbeddedServer pg = EmbeddedServer.startTemporary()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres")); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE bench");
            }
            String url = pg.jdbcUrl("bench");
            load(blog, url, users, postsPerUser);
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(url);
            hc.setMaximumPoolSize(Integer.getInteger("bench.pool", 10));
            AtomicLong statements = new AtomicLong();
            int redisPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                redisPort = s.getLocalPort();
            }
            redis.embedded.RedisServer redisServer = redis.embedded.RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
            redisServer.start();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            KeyRing ring = KeyRing.parse("bench:" + Base64.getEncoder().encodeToString(key));
            String secret = "bench-secret-of-at-least-thirty-two-bytes";
            try (HikariDataSource pool = new HikariDataSource(hc)) {
                Api plain = Api.create(counting(pool, statements), Api.defaultConfig().withKeyRing(ring));
                Api cached = Api.create(pool, Api.defaultConfig().withKeyRing(ring), new com.example.blog.generated.CacheConfig(
                        "redis://127.0.0.1:" + redisPort, null, "bench", java.time.Duration.ofMillis(250), java.util.Map.of(), false));
                JwtAuthenticator jwt = new JwtAuthenticator(secret, null, null, null);
                try (GraphQLHttpServer a = GraphQLHttpServer.start(plain, jwt, null, "127.0.0.1", 0, com.example.blog.generated.HttpSettings.defaults().withThreads(Integer.getInteger("bench.threads", 32)));
                     GraphQLHttpServer b = GraphQLHttpServer.start(cached, jwt, null, "127.0.0.1", 0, com.example.blog.generated.HttpSettings.defaults().withThreads(Integer.getInteger("bench.threads", 32)))) {
                    String token = token(secret);
                    String q = "{ users(first: 20) { edges { node { posts(first: 10) { title author { email } } } } } }";
                    long before = statements.get();
                    JsonNode sample = post(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + a.port() + "/graphql"), token, q, null);
                    if (sample.has("errors")) throw new IllegalStateException("unexpected response: " + sample);
                    long perRequest = statements.get() - before;
                    String libpq = url.replaceFirst("^jdbc:postgresql://([^/]+)/([^?]+)\\?user=(\\w+).*$", "postgres://$3@$1/$2");
                    System.out.println(JSON.createObjectNode().put("database", libpq).put("uncached", a.port()).put("cached", b.port()).put("token", token)
                            .put("statementsPerRequest", perRequest).toString());
                    System.out.flush();
                    while (System.in.read() != -1) {
                        // serve until the script closes our stdin
                    }
                } finally {
                    cached.close();
                }
            } finally {
                redisServer.stop();
            }
        }
    }

    private static void load(Path blog, String url, int users, int postsPerUser) throws Exception {
        new Migrator(url, blog.resolve("migrations/changelog.yaml")).update("!seed");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO users (id, email, password_hash, updated_at) SELECT gen_random_uuid(), 'user' || i || '@bench.example', "
                    + "'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', now() FROM generate_series(1, " + users + ") i");
            st.execute("INSERT INTO \"Post\" (slug, title, body, \"authorId\", status) SELECT 'post-' || u.n || '-' || j, 'Post ' || j || ' of user ' || u.n, "
                    + "repeat('body ', " + Integer.getInteger("bench.bodyWords", 200) + "), u.id, 'PUBLISHED' FROM (SELECT id, row_number() OVER (ORDER BY id) n FROM users) u, generate_series(1, " + postsPerUser + ") j");
            st.execute("ANALYZE");
        }
    }

    private static void run(int port, String token, int users, int postsPerUser, int seconds, int clients, int page, AtomicLong statements, String query,
            String root) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/graphql");
        // cursors of every page, so requests walk the whole table instead of repeating one page
        List<String> cursors = new ArrayList<>();
        cursors.add(null);
        String after = null;
        while (true) {
            JsonNode r = post(http, uri, token, "query($a: String) { " + root + "(first: " + page + ", after: $a) { pageInfo { hasNextPage endCursor } } }", after);
            JsonNode info = r.path("data").path(root).path("pageInfo");
            if (!info.path("hasNextPage").asBoolean()) break;
            after = info.path("endCursor").asText();
            cursors.add(after);
        }
        JsonNode sample = post(http, uri, token, query, null);
        if (sample.has("errors")) throw new IllegalStateException("unexpected response: " + sample);
        if (root.equals("users")) {
            int postsSeen = 0;
            for (JsonNode e : sample.path("data").path("users").path("edges")) postsSeen += e.path("node").path("posts").size();
            if (postsSeen != page * postsPerUser) throw new IllegalStateException("unexpected response: " + sample.toString().substring(0, 300));
            System.out.printf("data: %d users x %d posts; query: %d users -> their %d posts -> each post's author; %d clients, %d s%n",
                    users, postsPerUser, page, page * postsPerUser, clients, seconds);
        } else {
            System.out.printf("query: %d tags -> their posts (models without @@cache); %d clients, %d s%n", page, clients, seconds);
        }
        phase(http, uri, token, query, cursors, clients, 5, false, statements);
        phase(http, uri, token, query, cursors, clients, seconds, true, statements);
    }

    private static void phase(HttpClient http, URI uri, String token, String query, List<String> cursors, int clients, int seconds, boolean report,
            AtomicLong statements) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong failures = new AtomicLong();
        long before = statements.get();
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                int i = id;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        JsonNode r = post(http, uri, token, query, cursors.get(i++ % cursors.size()));
                        if (r.has("errors")) failures.incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                    mine[n++] = System.nanoTime() - start;
                }
                latencies[id] = mine;
                counts[id] = n;
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        if (!report) return;
        int total = 0;
        for (int c : counts) total += c;
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("requests: %d in %d s = %.0f req/s; failures: %d%n", total, seconds, total / (double) seconds, failures.get());
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all[all.length - 1] / 1e6);
        System.out.printf("SQL statements per request: %.2f%n", (statements.get() - before) / (double) total);
    }

    private static double pct(long[] sorted, double p) { return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6; }

    private static JsonNode post(HttpClient http, URI uri, String token, String query, String after) throws Exception {
        var body = JSON.createObjectNode().put("query", query);
        body.putObject("variables").put("a", after);
        HttpRequest r = HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return JSON.readTree(http.send(r, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    private static String token(String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("bench").claim("scope", "users:read posts:read posts:review")
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** Counts statements executed through connections of {@code target}. */
    private static DataSource counting(DataSource target, AtomicLong count) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, a) -> {
            Object r = call(target, m, a);
            if (r instanceof Connection c) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p2, m2, a2) -> {
                    Object r2 = call(c, m2, a2);
                    if (r2 instanceof java.sql.PreparedStatement ps) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {java.sql.PreparedStatement.class}, (p3, m3, a3) -> {
                            if (m3.getName().startsWith("execute")) count.incrementAndGet();
                            return call(ps, m3, a3);
                        });
                    }
                    return r2;
                });
            }
            return r;
        });
    }

    private static Object call(Object target, java.lang.reflect.Method m, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
