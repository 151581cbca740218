package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generated {@code ApiServer} runs as it is, configured only by the environment, in a JVM of its own (with Redis down). */
class ApiServerProcessTest {
    @Test
    void startsFromTheEnvironmentAndServesRequests() throws Exception {
        BlogDatabase.Seeded db = BlogDatabase.create("blog_server", 11);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "com.example.blog.generated.ApiServer");
        // the libpq form, as Prisma users write it
        pb.environment().put("DATABASE_URL", db.jdbcUrl().substring("jdbc:".length()));
        pb.environment().put("PORT", "0");
        pb.environment().put("HOST", "127.0.0.1");
        pb.environment().put("JWT_SECRET", Tokens.SECRET);
        pb.environment().put("ENCRYPTION_KEYS", "dev:" + db.plan().secrets().keyBase64());
        // Redis is down: the server starts anyway and serves from PostgreSQL
        pb.environment().put("REDIS_URL", "redis://127.0.0.1:" + TestRedis.freePort());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            Matcher m = Pattern.compile("http://localhost:(\\d+)/graphql").matcher(line == null ? "" : line);
            assertTrue(m.find(), "the server announces its address: " + line);
            int port = Integer.parseInt(m.group(1));
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", health.body());
            Response r = new GraphQLClient(port).post(Tokens.hs256("ops", "users:read users:contact"), "{ users(first: 3) { totalCount edges { node { email phone } } } }");
            assertEquals(0, r.errors().size(), r.body().toString());
            assertEquals(50, r.data().path("users").path("totalCount").asInt());
            Response introspection = new GraphQLClient(port).post(null, "{ __schema { queryType { name } } }");
            assertTrue(introspection.errors().size() > 0, "a server from the environment does not describe itself unless GRAPHQL_INTROSPECTION says so");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }
}
