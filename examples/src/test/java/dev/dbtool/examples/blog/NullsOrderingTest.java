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
 * {@code orderBy: [{publishedAt: desc, nulls: last}]} on the blog over HTTP: root lists paged forward and backward
 * with cursors across the NULLs, and relation lists, against the order SQL gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NullsOrderingTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_nulls", 83);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
        assertTrue(Integer.parseInt(fx.sql("SELECT count(*) FROM \"Post\" WHERE \"publishedAt\" IS NULL")) > 5, "some posts have no publishedAt");
        assertTrue(Integer.parseInt(fx.sql("SELECT count(*) FROM \"Post\" WHERE \"publishedAt\" IS NOT NULL")) > 5, "some have one");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void rootListsPageThroughTheNullsWhereAsked() throws Exception {
        for (String[] c : new String[][] {
                {"[{publishedAt: desc, nulls: last}]", "\"publishedAt\" DESC NULLS LAST, id"},
                {"[{publishedAt: asc, nulls: first}]", "\"publishedAt\" ASC NULLS FIRST, id"},
                {"[{publishedAt: desc}]", "\"publishedAt\" DESC NULLS FIRST, id"},
                {"[{rating: asc, nulls: first}, {publishedAt: desc, nulls: last}]", "rating ASC NULLS FIRST, \"publishedAt\" DESC NULLS LAST, id"}}) {
            List<String> expected = fx.rows("SELECT id FROM \"Post\" ORDER BY " + c[1]);
            assertEquals(expected, PageWalk.walk(client, admin, "posts", "orderBy: " + c[0], 7, false).ids(), c[0] + " forward");
            assertEquals(expected, PageWalk.walk(client, admin, "posts", "orderBy: " + c[0], 7, true).ids(), c[0] + " backward");
        }
    }

    @Test
    void relationListsPutTheNullsWhereAsked() throws Exception {
        Response r = client.post(admin, "{ users(first: 30) { edges { node { id posts(first: 4, orderBy: [{publishedAt: desc, nulls: last}]) { id } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        int mixed = 0;
        for (JsonNode e : r.data().path("users").path("edges")) {
            String user = e.path("node").path("id").asText();
            List<String> expected = fx.rows("SELECT id FROM \"Post\" WHERE \"authorId\" = '" + user + "' ORDER BY \"publishedAt\" DESC NULLS LAST, id LIMIT 4");
            List<String> actual = new ArrayList<>();
            for (JsonNode p : e.path("node").path("posts")) actual.add(p.path("id").asText());
            assertEquals(expected, actual, user);
            if (fx.rows("SELECT 1 FROM \"Post\" WHERE \"authorId\" = '" + user + "' AND \"publishedAt\" IS NULL").size() > 0) mixed++;
        }
        assertTrue(mixed > 3, "enough users have posts without publishedAt: " + mixed);
    }

    @Test
    void nullsAloneOrWithTwoFieldsIsRefused() throws Exception {
        Response alone = client.post(admin, "{ posts(orderBy: [{nulls: last}]) { totalCount } }");
        assertEquals("BAD_USER_INPUT", alone.firstCode(), alone.body().toString());
        Response two = client.post(admin, "{ posts(orderBy: [{title: asc, rating: desc, nulls: last}]) { totalCount } }");
        assertEquals("BAD_USER_INPUT", two.firstCode(), two.body().toString());
    }
}
