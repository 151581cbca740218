package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Implicit many-to-many relation lists with {@code where}, {@code first} and {@code orderBy} on the blog ({@code
 * Post.tags}, {@code Tag.posts}) over HTTP: per parent, against SQL, one statement per level for every parent, the
 * target's row rule inside (a reader's tag lists only published posts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyToManyListsTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_many_to_many", 61);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void eachPostsFirstTagsInOrderInOneStatement() throws Exception {
        long before = fx.counting.statements();
        Response r = client.post(admin, "{ posts(first: 50, orderBy: [{id: asc}]) { edges { node { id tags(first: 2, orderBy: [{name: desc}], "
                + "where: {name: {contains: \"e\"}}) { name } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(2, fx.counting.statements() - before, "the page, then every post's tags in one statement");
        int checked = 0;
        for (JsonNode e : r.data().path("posts").path("edges")) {
            int id = e.path("node").path("id").asInt();
            List<String> expected = fx.rows("SELECT t.name FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = " + id
                    + " AND t.name LIKE '%e%' ORDER BY t.name DESC, t.id LIMIT 2");
            List<String> actual = new ArrayList<>();
            for (JsonNode t : e.path("node").path("tags")) actual.add(t.path("name").asText());
            assertEquals(expected, actual, "post " + id);
            if (!expected.isEmpty()) checked++;
        }
        assertTrue(checked > 10, "enough posts have such tags: " + checked);
    }

    @Test
    void theOtherSideFollowsTheTargetsRowRule() throws Exception {
        String reader = Tokens.hs256("reader", "posts:read");
        Response r = client.post(reader, "{ tags(first: 20, orderBy: [{id: asc}]) { edges { node { id posts(first: 3, orderBy: [{slug: asc}]) { slug status } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        int nonEmpty = 0;
        for (JsonNode e : r.data().path("tags").path("edges")) {
            int id = e.path("node").path("id").asInt();
            List<String> expected = fx.rows("SELECT p.slug FROM \"_PostToTag\" j JOIN \"Post\" p ON p.id = j.\"A\" WHERE j.\"B\" = " + id
                    + " AND p.status = 'PUBLISHED' ORDER BY p.slug, p.id LIMIT 3");
            List<String> actual = new ArrayList<>();
            for (JsonNode p : e.path("node").path("posts")) {
                actual.add(p.path("slug").asText());
                assertEquals("PUBLISHED", p.path("status").asText());
            }
            assertEquals(expected, actual, "tag " + id);
            if (!expected.isEmpty()) nonEmpty++;
        }
        assertTrue(nonEmpty > 3, "enough tags have published posts");
    }
}
