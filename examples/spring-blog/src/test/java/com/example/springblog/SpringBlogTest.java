package com.example.springblog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.springblog.generated.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;

/**
 * The generated API inside Spring Boot, over HTTP on a random port, against a real PostgreSQL (migrated by Spring
 * Boot's Liquibase from dbtool's changelog) and a real Redis: JWT scopes through Spring Security's resource server,
 * relations through the API's DataLoaders (statements counted), depth limits, validation and error codes, the cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBlogTest {
    static final String SECRET = "development-secret-of-at-least-32-bytes!";
    static final AtomicInteger STATEMENTS = new AtomicInteger();
    static EmbeddedPostgres postgres;
    static RedisServer redis;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        redis.start();
        int redisPort = port;
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("blog.redis-url", () -> "redis://127.0.0.1:" + redisPort);
        registry.add("blog.jwt-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() throws IOException {
        if (redis != null) redis.stop();
        if (postgres != null) postgres.close();
    }

    /** Counts the statements the application prepares, to see the DataLoaders batch. */
    @TestConfiguration
    static class CountingDataSource {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource ds)) return bean;
                    return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
                        Object r = m.invoke(ds, args);
                        if (!(r instanceof Connection c)) return r;
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p2, m2, a2) -> {
                            if (m2.getName().startsWith("prepare") || m2.getName().equals("createStatement")) STATEMENTS.incrementAndGet();
                            try {
                                return m2.invoke(c, a2);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                    });
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    static String token(String subject, String scopes) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(subject).claim("scope", scopes)
                .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    JsonNode graphql(String token, String query, Map<String, Object> variables) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (token != null) r.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    static String code(JsonNode result) { return result.path("errors").path(0).path("extensions").path("code").asText(); }

    @Test
    void scopesRelationsLimitsValidationAndTheCacheWorkInsideSpring() throws Exception {
        String writer = token("ada", "blog:read blog:write");
        String reader = token("bob", "blog:read");

        assertEquals("UNAUTHENTICATED", code(graphql(null, "{ authors { totalCount } }", Map.of())), "no token: the @@auth read scope is missing");
        assertEquals("FORBIDDEN", code(graphql(reader, "mutation { createAuthor(data: {email: \"x@example.com\", name: \"X\"}) { id } }", Map.of())),
                "blog:read may not write");
        JsonNode invalid = graphql(writer, "mutation { createAuthor(data: {email: \"not-an-email\", name: \"X\"}) { id } }", Map.of());
        assertEquals("BAD_USER_INPUT", code(invalid), invalid.toString());

        for (int a = 0; a < 5; a++) {
            JsonNode author = graphql(writer, "mutation($e: String!, $n: String!) { createAuthor(data: {email: $e, name: $n}) { id } }",
                    Map.of("e", "author" + a + "@example.com", "n", "Author " + a));
            int id = author.path("data").path("createAuthor").path("id").asInt();
            assertTrue(id > 0, author.toString());
            for (int p = 0; p < 3; p++) {
                JsonNode post = graphql(writer, "mutation($t: String!, $a: Int!) { createPost(data: {title: $t, authorId: $a}) { id } }", Map.of("t", "Post " + a + "." + p, "a", id));
                assertTrue(post.path("errors").isMissingNode(), post.toString());
            }
        }

        String threeLevels = "{ authors(first: 10) { totalCount edges { node { name posts { title author { email } } } } } }";
        STATEMENTS.set(0);
        JsonNode tree = graphql(reader, threeLevels, Map.of());
        assertTrue(tree.path("errors").isMissingNode(), tree.toString());
        assertEquals(5, tree.path("data").path("authors").path("totalCount").asInt());
        JsonNode first = tree.path("data").path("authors").path("edges").path(0).path("node");
        assertEquals(3, first.path("posts").size(), first.toString());
        assertTrue(first.path("posts").path(0).path("author").path("email").asText().endsWith("@example.com"), first.toString());
        int cold = STATEMENTS.get();
        assertTrue(cold <= 5, "authors, their count, posts and authors again, each batched by the API's DataLoaders, not per row: " + cold);

        long hitsBefore = api.cache().stats().hits();
        STATEMENTS.set(0);
        assertEquals(tree, graphql(reader, threeLevels, Map.of()), "the same answer from the cache");
        assertTrue(api.cache().stats().hits() > hitsBefore, "the Redis cache layer serves the relation reads: " + api.cache().stats().snapshot());
        assertTrue(STATEMENTS.get() < cold, "fewer statements with the cache warm: " + STATEMENTS.get() + " after " + cold);
        System.out.println("three levels in Spring: " + cold + " statements cold, " + STATEMENTS.get() + " with the cache warm");

        String deep = "{ authors { edges { node { posts { author { posts { author { posts { author { name } } } } } } } } } }";
        assertEquals("QUERY_TOO_DEEP", code(graphql(reader, deep, Map.of())), "maxDepth 6 from the generator block");
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(graphql(reader, "{ authors { nope } }", Map.of())), "error codes as the API's own endpoint gives them");
        JsonNode atomic = graphql(writer, "mutation @transaction { createAuthor(data: {email: \"tx@example.com\", name: \"T\"}) { id } }", Map.of());
        assertEquals("BAD_REQUEST", code(atomic), "Spring runs fields one by one: @transaction is refused, not ignored: " + atomic);
        assertEquals(5, graphql(reader, "{ authors { totalCount } }", Map.of()).path("data").path("authors").path("totalCount").asInt(), "nothing was written");
    }
}
