package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code mutation @transaction { … }} on the blog over HTTP: several mutation fields written together or not at all —
 * a validation error, a unique violation or a hidden row in a later field rolls back the earlier ones; without the
 * directive each field commits on its own; nested selections of the results read inside the same transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtomicMutationsTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;
    String author;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_atomic", 41);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
        author = fx.sql("SELECT id FROM users ORDER BY email LIMIT 1");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    int posts(String slugPrefix) throws Exception {
        try (Connection c = DriverManager.getConnection(fx.db.jdbcUrl()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM \"Post\" WHERE slug LIKE '" + slugPrefix + "%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    String twoPosts(String directive, String first, String second) {
        return "mutation($a: ID!) " + directive + " { one: createPost(data: {slug: \"" + first + "\", title: \"One\", body: \"b\", authorId: $a}) { id author { email } } "
                + "two: createPost(data: {slug: \"" + second + "\", title: \"Two\", body: \"b\", authorId: $a}) { id } }";
    }

    @Test
    void allFieldsOrNone() throws Exception {
        Response ok = client.post(admin, twoPosts("@transaction", "atomic-ok-1", "atomic-ok-2"), Map.of("a", author));
        assertEquals(0, ok.errors().size(), ok.body().toString());
        assertTrue(ok.data().path("one").path("author").path("email").asText().contains("@"), "nested reads see the transaction's rows: " + ok.body());
        assertEquals(2, posts("atomic-ok-"));

        Response invalid = client.post(admin, twoPosts("@transaction", "atomic-bad-1", "Not A Slug"), Map.of("a", author));
        assertEquals("BAD_USER_INPUT", invalid.firstCode(), invalid.body().toString());
        assertEquals(0, posts("atomic-bad-"), "the first post was rolled back with the second's validation error");

        Response duplicate = client.post(admin, twoPosts("@transaction", "atomic-dup-1", "atomic-ok-1"), Map.of("a", author));
        assertEquals("CONFLICT", duplicate.firstCode(), duplicate.body().toString());
        assertEquals(0, posts("atomic-dup-"), "a unique violation in the second field rolls back the first");

        Response piecemeal = client.post(admin, twoPosts("", "plain-1", "Not A Slug"), Map.of("a", author));
        assertEquals("BAD_USER_INPUT", piecemeal.firstCode());
        assertEquals(1, posts("plain-"), "without the directive each field commits on its own");
    }

    @Test
    void theCacheHearsOfTheWritesOnlyOnceTheyCommit() throws Exception {
        Api cached = fx.api(TestRedis.url(), CacheFixture.freshPrefix());
        var who = new com.example.blog.generated.Principal("admin", java.util.Set.of(RelationFiltersTest.ADMIN.split(" ")));
        String id = fx.sql("SELECT min(id)::text FROM \"Post\"");
        String read = "query($id: Int!) { post(id: $id) { title } }";
        assertTrue(cached.execute(read, null, Map.of("id", Integer.parseInt(id)), who).getErrors().isEmpty());
        var rolledBack = cached.execute("mutation($id: Int!) @transaction { updatePost(id: $id, data: {title: \"Never\"}) { id } deletePost(id: -1) { id } }", null,
                Map.of("id", Integer.parseInt(id)), who);
        assertTrue(!rolledBack.getErrors().isEmpty(), "deleting a post that does not exist fails the request");
        Map<String, Map<String, String>> after = cached.execute(read, null, Map.of("id", Integer.parseInt(id)), who).getData();
        assertTrue(!"Never".equals(after.get("post").get("title")), "the rolled-back title is nowhere: " + after);
        assertEquals(fx.sql("SELECT title FROM \"Post\" WHERE id = " + id), after.get("post").get("title"));
        // a read through the cache inside the transaction sees the uncommitted name; it must not be cached for after the rollback
        String user = fx.sql("SELECT \"authorId\"::text FROM \"Post\" WHERE id = " + id);
        var readInside = cached.execute("mutation($u: ID!, $id: Int!) @transaction { a: updateUser(id: $u, data: {name: \"Uncommitted\"}) { id } "
                + "b: updatePost(id: $id, data: {}) { author { name } } c: deletePost(id: -1) { id } }", null, Map.of("u", user, "id", Integer.parseInt(id)), who);
        assertTrue(!readInside.getErrors().isEmpty());
        Map<String, Map<String, String>> userNow = cached.execute("query($u: ID!) { user(id: $u) { name } }", null, Map.of("u", user), who).getData();
        assertEquals(fx.sql("SELECT name FROM users WHERE id = '" + user + "'"), userNow.get("user").get("name"), "the rolled-back name was never cached");
        var committed = cached.execute("mutation($id: Int!) @transaction { updatePost(id: $id, data: {title: \"Together\"}) { id } }", null,
                Map.of("id", Integer.parseInt(id)), who);
        assertTrue(committed.getErrors().isEmpty(), committed.getErrors().toString());
        Map<String, Map<String, String>> now = cached.execute(read, null, Map.of("id", Integer.parseInt(id)), who).getData();
        assertEquals("Together", now.get("post").get("title"), "the cache dropped the old row once the transaction committed");
    }
}
