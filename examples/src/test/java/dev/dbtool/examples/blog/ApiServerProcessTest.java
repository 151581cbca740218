package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The generated {@code ApiServer} runs as it is, configured only by the environment, in a JVM of its own (with Redis down). */
class ApiServerProcessTest {
    @Test
    void startsFromTheEnvironmentAndServesRequests() throws Exception {
        BlogDatabase.Seeded db = BlogDatabase.create("blog_server", 11);
        // the libpq form, as Prisma users write it
        ApiServerProcess server = ApiServerProcess.start(db.jdbcUrl().substring("jdbc:".length()), db);
        try {
            int port = server.port;
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", health.body());
            Response r = new GraphQLClient(port).post(Tokens.hs256("ops", "users:read users:contact"), "{ users(first: 3) { totalCount edges { node { email phone } } } }");
            assertEquals(0, r.errors().size(), r.body().toString());
            assertEquals(50, r.data().path("users").path("totalCount").asInt());
            Response introspection = new GraphQLClient(port).post(null, "{ __schema { queryType { name } } }");
            assertTrue(introspection.errors().size() > 0, "a server from the environment does not describe itself unless GRAPHQL_INTROSPECTION says so");
        } finally {
            assertTrue(server.stop(), "stops on SIGTERM");
        }
    }
}
