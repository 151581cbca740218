package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code upsertUser} on the blog over HTTP: by any unique field, created when absent and updated when present (one row
 * either way), exactly one unique named, the write scope, {@code @validate} on the create input, the hashed field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpsertTest {
    static final String UPSERT = "mutation($where: UserWhereUniqueInput!, $create: UserCreateInput!, $update: UserUpdateInput!) { "
            + "upsertUser(where: $where, create: $create, update: $update) { id email name } }";
    CacheFixture fx;
    GraphQLClient client;
    String writer;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_upsert", 43);
        client = new GraphQLClient(fx.serve().port());
        writer = Tokens.hs256("admin", "users:read users:write");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    Response upsert(String token, Map<String, Object> where, String createdName, String updatedName) throws Exception {
        return client.post(token, UPSERT, Map.of("where", where, "create", Map.of("email", "upsert@example.com", "name", createdName, "passwordHash", "s3cret-pass"),
                "update", Map.of("name", updatedName)));
    }

    List<String> rows(String email) throws Exception { return fx.rows("SELECT name FROM users WHERE email = '" + email + "'"); }

    @Test
    void createsWhenAbsentAndUpdatesWhenPresent() throws Exception {
        Response created = upsert(writer, Map.of("email", "upsert@example.com"), "Created", "Updated");
        assertEquals(0, created.errors().size(), created.body().toString());
        assertEquals(List.of("Created"), rows("upsert@example.com"));
        assertTrue(fx.sql("SELECT password_hash FROM users WHERE email = 'upsert@example.com'").startsWith("$argon2id$"), "the hashed field is stored hashed");
        Response updated = upsert(writer, Map.of("email", "upsert@example.com"), "Created", "Updated");
        assertEquals(0, updated.errors().size(), updated.body().toString());
        assertEquals(created.data().path("upsertUser").path("id"), updated.data().path("upsertUser").path("id"), "the same row");
        assertEquals(List.of("Updated"), rows("upsert@example.com"), "updated, not inserted again");
        String id = created.data().path("upsertUser").path("id").asText();
        Response byId = upsert(writer, Map.of("id", id), "Created", "By id");
        assertEquals(List.of("By id"), rows("upsert@example.com"), byId.body().toString());
    }

    @Test
    void exactlyOneUniqueTheScopeAndValidation() throws Exception {
        assertEquals("BAD_USER_INPUT", upsert(writer, Map.of(), "a", "b").firstCode(), "no unique named");
        assertEquals("BAD_USER_INPUT", upsert(writer, Map.of("email", "x@example.com", "id", "00000000-0000-0000-0000-000000000000"), "a", "b").firstCode(),
                "two uniques named");
        assertEquals("FORBIDDEN", upsert(Tokens.hs256("r", "users:read"), Map.of("email", "y@example.com"), "a", "b").firstCode(), "users:write is needed");
        Response invalid = client.post(writer, UPSERT, Map.of("where", Map.of("email", "bad"), "create", Map.of("email", "not-an-email", "passwordHash", "p"),
                "update", Map.of("name", "x")));
        assertEquals("BAD_USER_INPUT", invalid.firstCode(), invalid.body().toString());
        assertEquals(List.of(), rows("not-an-email"));
    }
}
