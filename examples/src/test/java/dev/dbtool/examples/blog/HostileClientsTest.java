package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import com.example.blog.generated.ApiConfig;
import com.example.blog.generated.GraphQLHttpServer;
import com.example.blog.generated.HttpSettings;
import com.example.blog.generated.JwtAuthenticator;
import com.example.blog.generated.KeyRing;
import com.example.blog.generated.TrustedDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The blog's API over real HTTP, tried as an attacker would: requests that try to get around the limits, slow
 * clients that try to take the server down, cross-site writes, malformed input. Each test is the spec of one defence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ALL = "users:read users:write users:contact posts:read posts:write posts:review";
    BlogDatabase.Seeded db;
    HikariDataSource pool;
    CountingDataSource counting;
    Api api;
    GraphQLHttpServer server;
    String admin;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String contentType, JsonNode body) {
        String code() { return body.path("errors").path(0).path("extensions").path("code").asText(null); }
    }

    @BeforeAll
    void start() throws Exception {
        db = BlogDatabase.create("blog_hostile", 11);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(db.jdbcUrl());
        hc.setMaximumPoolSize(8);
        pool = new HikariDataSource(hc);
        counting = new CountingDataSource(pool);
        KeyRing keys = KeyRing.parse("dev:" + db.plan().secrets().keyBase64());
        // a generous token limit here, so the alias limit is what a document of 1,000 aliases meets
        api = Api.create(counting.dataSource(), Api.defaultConfig().withKeyRing(keys).withIntrospection(ApiConfig.Introspection.OFF)
                .withDocumentLimits(ApiConfig.DEFAULT_MAX_ALIASES, ApiConfig.DEFAULT_MAX_FIELDS, 20_000));
        HttpSettings settings = HttpSettings.defaults().withThreads(8).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(30));
        server = GraphQLHttpServer.start(api, new JwtAuthenticator(Tokens.SECRET, null, Tokens.ISSUER, null), null, "127.0.0.1", 0, settings);
        admin = Tokens.hs256("admin", ALL);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (pool != null) pool.close();
    }

    URI endpoint() { return URI.create("http://127.0.0.1:" + server.port() + "/graphql"); }

    Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        for (String internal : List.of("Exception:", "org.", "java.", "SELECT", "\tat ", "_fkey", "_key", "_pkey", "post_price_non_negative", "PSQL")) {
            assertFalse(body.contains(internal), "no internals reach the client (" + internal + "): " + body);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        return new Reply(r.statusCode(), type, type.contains("json") && !body.isEmpty() ? JSON.readTree(body) : JSON.createObjectNode().put("text", body));
    }

    Reply post(String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint()).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b);
    }

    Reply query(String token, String query) throws IOException, InterruptedException {
        return post(token, JSON.createObjectNode().put("query", query).toString());
    }

    Reply get(String params) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(endpoint() + "?" + params)).header("Authorization", "Bearer " + admin).GET());
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Test
    void aliasesCannotWrapTheComplexityAroundNorMultiplyStatements() throws Exception {
        long before = counting.statements();
        // alone: refused; 22 copies made the int sum wrap below the limit and returned 100,000 rows
        String one = "users(first: 100) { edges { node { posts(first: 100) { author { posts(first: 100) { id } } } } } }";
        assertEquals("QUERY_TOO_COMPLEX", query(admin, "{ " + one + " }").code());
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 22; i++) many.append(" a").append(i).append(": ").append(one);
        Reply r = query(admin, many.append(" }").toString());
        assertTrue(List.of("QUERY_TOO_COMPLEX", "QUERY_TOO_MANY_ALIASES").contains(r.code()), r.body().toString());
        assertFalse(r.body().has("data") && !r.body().get("data").isNull(), "nothing ran");
        // 1,000 aliases of a cheap field: the alias limit, before any statement
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) aliases.append(" u").append(i).append(": user(email: \"x").append(i).append("@example.com\") { id }");
        Reply thousand = query(admin, aliases.append(" }").toString());
        assertEquals("QUERY_TOO_MANY_ALIASES", thousand.code(), thousand.body().toString());
        assertEquals(before, counting.statements(), "no SQL ran for any of them");
    }

    @Test
    void mutationsNeverRunOverGetWhateverTheOperationName() throws Exception {
        String mutation = "mutation { deleteUser(id: \"00000000-0000-0000-0000-000000000000\") { id } }";
        long before = counting.statements();
        for (String params : List.of("query=" + enc(mutation), "query=" + enc(mutation) + "&operationName=",
                "query=" + enc("mutation M { deleteUser(id: \"x\") { id } }") + "&operationName=M",
                "query=" + enc("query Q { users(first: 1) { totalCount } } mutation M { deleteUser(id: \"x\") { id } }") + "&operationName=")) {
            Reply r = get(params);
            assertEquals(405, r.status(), params + " " + r.body());
        }
        assertEquals(before, counting.statements(), "nothing ran");
        Reply q = get("query=" + enc("query Q { users(first: 1) { totalCount } } mutation M { deleteUser(id: \"x\") { id } }") + "&operationName=Q");
        assertEquals(200, q.status(), q.body().toString());
        assertTrue(q.body().path("data").path("users").path("totalCount").asInt() > 0);
        assertEquals(200, get("query=" + enc("{ users(first: 1) { totalCount } }") + "&operationName=").status(), "an empty name is no name");
    }

    @Test
    void aPlainFormCannotPost() throws Exception {
        String mutation = "mutation { createUser(data: {email: \"csrf@example.com\", passwordHash: \"x\"}) { id } }";
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            Reply r = send(HttpRequest.newBuilder(endpoint()).header("Content-Type", type).header("Authorization", "Bearer " + admin)
                    .POST(HttpRequest.BodyPublishers.ofString(type.startsWith("application/x-www") ? "query=" + enc(mutation) : mutation)));
            assertEquals(415, r.status(), type);
        }
        Reply noType = send(HttpRequest.newBuilder(endpoint()).POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
        assertEquals(415, noType.status());
        Reply graphqlResponse = send(HttpRequest.newBuilder(endpoint()).header("Content-Type", "application/graphql-response+json")
                .header("Accept", "application/graphql-response+json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")));
        assertEquals(200, graphqlResponse.status());
        assertTrue(graphqlResponse.contentType().startsWith("application/graphql-response+json"));
        Reply unparsable = send(HttpRequest.newBuilder(endpoint()).header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ users(\"}")));
        assertEquals(400, unparsable.status(), "graphql-response+json: a document that cannot run is a 4xx");
        assertEquals(0, Integer.parseInt(sqlOne("SELECT count(*) FROM users WHERE email = 'csrf@example.com'")));
    }

    @Test
    void nulBytesAndInvalidUtf8AreTheClientsError() throws Exception {
        Reply nul = post(admin, "{\"query\":\"query($e: String) { users(where: {email: {contains: $e}}) { totalCount } }\",\"variables\":{\"e\":\"a\\u0000b\"}}");
        assertEquals("BAD_USER_INPUT", nul.code(), nul.body().toString());
        Reply nulWrite = post(admin, "{\"query\":\"mutation($n: String) { createUser(data: {email: \\\"nul@example.com\\\", passwordHash: \\\"x\\\", name: $n}) { id } }\","
                + "\"variables\":{\"n\":\"a\\u0000\"}}");
        assertEquals("BAD_USER_INPUT", nulWrite.code(), nulWrite.body().toString());
        byte[] invalid = "{\"query\":\"{ users(first: 1) { totalCount } }\",\"x\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        Reply bad = send(HttpRequest.newBuilder(endpoint()).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(invalid)));
        assertEquals(400, bad.status(), bad.body().toString());
    }

    @Test
    void aTenMegabyteBodyIsRefusedWithoutReadingIt() throws Exception {
        byte[] big = new byte[10 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        long start = System.nanoTime();
        // an announced 10 MB body is refused from its headers alone: the 413 arrives before a byte of the body is sent (a
        // client that sends the body anyway may see the connection reset under it instead of the 413: the server stops
        // reading either way, which is the point)
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + big.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = readStatusLine(s.getInputStream());
            assertTrue(status != null && status.contains(" 413 "), "refused before the body: " + status);
        }
        // announced length or not (chunked), the server stops at its limit
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = (Integer.toHexString(1 << 20) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            String status = null;
            try {
                for (int i = 0; i < 10; i++) {
                    out.write(chunk);
                    out.write(big, 0, 1 << 20);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException closed) {
                // the server may close the connection while we are still sending
            }
            status = readStatusLine(s.getInputStream());
            assertTrue(status == null || status.contains(" 413 "), status);
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void introspectionIsOffWhenConfiguredSo() throws Exception {
        Reply r = query(admin, "{ __schema { types { name } } }");
        assertTrue(r.body().path("errors").size() > 0, r.body().toString());
        assertFalse(r.body().toString().contains("UserWhereInput"), "nothing about the schema leaked");
        assertEquals("User", query(admin, "{ users(first: 1) { edges { node { __typename } } } }").body().path("data").path("users").path("edges").path(0)
                .path("node").path("__typename").asText(), "__typename still works");
    }

    @Test
    void trustedDocumentsOnlyRunWhatIsListed() throws Exception {
        String listed = "{ users(first: 2) { totalCount } }";
        TrustedDocuments trusted = new TrustedDocuments(Map.of("sha256:" + TrustedDocuments.sha256(listed), listed));
        KeyRing keys = KeyRing.parse("dev:" + db.plan().secrets().keyBase64());
        Api strict = Api.create(pool, Api.defaultConfig().withKeyRing(keys).withTrustedDocuments(trusted));
        try (GraphQLHttpServer s = GraphQLHttpServer.start(strict, new JwtAuthenticator(Tokens.SECRET, null, Tokens.ISSUER, null), null, "127.0.0.1", 0,
                HttpSettings.defaults().withThreads(4))) {
            URI uri = URI.create("http://127.0.0.1:" + s.port() + "/graphql");
            Reply byText = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", listed).toString())));
            assertTrue(byText.body().path("data").path("users").path("totalCount").asInt() > 0, byText.body().toString());
            Reply byId = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"documentId\":\"sha256:" + TrustedDocuments.sha256(listed) + "\"}")));
            assertEquals(byText.body(), byId.body());
            Reply apollo = send(HttpRequest.newBuilder(URI.create(uri + "?extensions=" + enc("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
                    + TrustedDocuments.sha256(listed) + "\"}}"))).header("Authorization", "Bearer " + admin).GET());
            assertEquals(byText.body(), apollo.body(), "Apollo's persisted-query form, by GET");
            Reply unknown = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", "{ users(first: 3) { totalCount } }").toString())));
            assertEquals(400, unknown.status());
            assertEquals("PERSISTED_QUERY_NOT_FOUND", unknown.code());
        } finally {
            strict.close();
        }
    }

    @Test
    void slowClientsHoldNoThreadAndAreCutOff() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("POST /graphql HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"qu"
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            // the slow clients trickle a byte each while a normal client keeps asking
            var trickle = pool.submit(() -> {
                for (int round = 0; round < 8; round++) {
                    for (Socket s : slow) {
                        try {
                            s.getOutputStream().write(round < 400 ? 'X' : ' ');
                        } catch (IOException closed) {
                            // cut off by the server: that is the point
                        }
                    }
                    Thread.sleep(500);
                }
                return null;
            });
            long worst = 0;
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                Reply r = query(admin, "{ users(first: 5) { totalCount } }");
                worst = Math.max(worst, System.nanoTime() - t0);
                assertEquals(200, r.status());
                Thread.sleep(100);
            }
            assertTrue(worst < TimeUnit.SECONDS.toNanos(1), "a normal client is answered within 1 s (worst " + worst / 1_000_000 + " ms)");
            assertEquals(200, send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).GET()).status());
            trickle.get(30, TimeUnit.SECONDS);
            // header deadline 2 s, body deadline 3 s: by now every slow connection was closed
            int open = 0;
            for (Socket s : slow) {
                s.setSoTimeout(200);
                try {
                    String status = readStatusLine(s.getInputStream());
                    if (status != null && !status.contains(" 408 ") && !status.contains(" 400 ")) open++;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    open++;
                } catch (IOException reset) {
                    // closed: fine
                }
            }
            assertEquals(0, open, "slow connections still open after their deadlines");
        } finally {
            for (Socket s : slow) s.close();
            pool.shutdownNow();
        }
    }

    @Test
    void theApiStartsWithRedisDownOrSilentAndCachesOnceItIsUp() throws Exception {
        KeyRing keys = KeyRing.parse("dev:" + db.plan().secrets().keyBase64());
        String query = "{ posts(first: 3, orderBy: [{id: asc}]) { edges { node { id title } } } }";
        // a Redis that accepts connections and never answers (a stopped process, a wedged proxy)
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            long t0 = System.nanoTime();
            Api api = Api.create(counting.dataSource(), Api.defaultConfig().withKeyRing(keys), new com.example.blog.generated.CacheConfig(
                    "redis://127.0.0.1:" + silent.getLocalPort(), null, "silent", Duration.ofMillis(250), Map.of(), false));
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "started without waiting for Redis");
            assertEquals(0, api.execute(query, null, Map.of(), adminPrincipal()).getErrors().size());
            api.close();
        }
        int port = TestRedis.freePort();
        Api api = Api.create(counting.dataSource(), Api.defaultConfig().withKeyRing(keys), new com.example.blog.generated.CacheConfig(
                "redis://127.0.0.1:" + port, null, "late", Duration.ofMillis(250), Map.of(), false));
        TestRedis.Own redis = null;
        try (GraphQLHttpServer s = GraphQLHttpServer.start(api, new JwtAuthenticator(Tokens.SECRET, null, Tokens.ISSUER, null), null, "127.0.0.1", 0,
                HttpSettings.defaults().withThreads(4))) {
            URI uri = URI.create("http://127.0.0.1:" + s.port() + "/graphql");
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", query).toString()));
            Reply fromDatabase = send(request);
            assertEquals(3, fromDatabase.body().path("data").path("posts").path("edges").size(), "served from PostgreSQL while Redis is down");
            redis = TestRedis.Own.start(port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            long statements;
            do {
                send(request);
                long before = counting.statements();
                send(request);
                statements = counting.statements() - before;
                if (statements > 0) Thread.sleep(200);
            } while (statements > 0 && System.nanoTime() < deadline);
            assertEquals(0, statements, "once Redis is up the repeated query comes from the cache");
        } finally {
            api.close();
            if (redis != null) redis.stop();
        }
    }

    static com.example.blog.generated.Principal adminPrincipal() {
        return new com.example.blog.generated.Principal("admin", java.util.Set.of(ALL.split(" ")));
    }

    /** The status line, or null when the server closed the connection without answering. */
    static String readStatusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    String sqlOne(String query) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl()); var st = c.createStatement(); var rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
