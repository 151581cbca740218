package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Relation lists take Prisma's {@code cursor} and {@code skip} ({@code user { posts(cursor: {id: 5}, skip: 1, first: 3,
 * orderBy: …) }}) on the blog over HTTP: each parent's list starts at the cursor row's place in the order, inclusive,
 * checked against the order SQL gives; one statement for every parent; a cursor naming no visible row gives empty lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationListCursorsTest {
    static final String ORDER = "\"publishedAt\" DESC NULLS LAST, id";
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_list_cursors", 89);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    /** Each user's posts from {@code cursor}'s place in the global order, skipping and taking as asked (what the API must give). */
    private List<String> expected(String user, String cursor, int skip, int first) throws Exception {
        List<String> global = fx.rows("SELECT id FROM \"Post\" ORDER BY " + ORDER);
        List<String> own = fx.rows("SELECT id FROM \"Post\" WHERE \"authorId\" = '" + user + "' ORDER BY " + ORDER);
        int from = global.indexOf(cursor);
        List<String> out = new ArrayList<>();
        for (String id : own) if (global.indexOf(id) >= from) out.add(id);
        return out.subList(Math.min(skip, out.size()), Math.min(out.size(), skip + first));
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) out.add(n.path("id").asText());
        return out;
    }

    @Test
    void everyUsersPostsStartAtTheCursorsPlaceInOneStatement() throws Exception {
        String author = fx.sql("SELECT \"authorId\"::text FROM \"Post\" GROUP BY \"authorId\" ORDER BY count(*) DESC LIMIT 1");
        List<String> own = fx.rows("SELECT id FROM \"Post\" WHERE \"authorId\" = '" + author + "' ORDER BY " + ORDER);
        assertTrue(own.size() >= 5, "an author with several posts");
        String cursor = own.get(1);
        long before = fx.counting.statements();
        Response r = client.post(admin, "query($c: Int) { users(first: 50) { edges { node { id posts(orderBy: [{publishedAt: desc, nulls: last}], cursor: {id: $c}, "
                + "skip: 1, first: 3) { id } } } } }", Map.of("c", Integer.parseInt(cursor)));
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(2, fx.counting.statements() - before, "the page, then every user's posts in one statement");
        int nonEmpty = 0;
        for (JsonNode e : r.data().path("users").path("edges")) {
            String user = e.path("node").path("id").asText();
            List<String> actual = ids(e.path("node").path("posts"));
            assertEquals(expected(user, cursor, 1, 3), actual, user);
            if (!actual.isEmpty()) nonEmpty++;
            if (user.equals(author)) {
                assertEquals(own.subList(2, 5), actual, "the cursor's own list: from it, one skipped");
            }
        }
        assertTrue(nonEmpty > 3, "other users' lists start at the cursor's place too: " + nonEmpty);
    }

    @Test
    void pagingOneListWithItsLastIdReadsEveryRowOnce() throws Exception {
        String author = fx.sql("SELECT \"authorId\"::text FROM \"Post\" GROUP BY \"authorId\" ORDER BY count(*) DESC LIMIT 1");
        List<String> own = fx.rows("SELECT id FROM \"Post\" WHERE \"authorId\" = '" + author + "' ORDER BY " + ORDER);
        List<String> read = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            String args = cursor == null ? "first: 2" : "first: 2, cursor: {id: " + cursor + "}, skip: 1";
            Response r = client.post(admin, "query($u: String) { users(where: {id: {equals: $u}}) { edges { node { posts(orderBy: [{publishedAt: desc, nulls: last}], "
                    + args + ") { id } } } } }", Map.of("u", author));
            assertEquals(0, r.errors().size(), r.body().toString());
            List<String> chunk = ids(r.data().path("users").path("edges").get(0).path("node").path("posts"));
            if (chunk.isEmpty()) break;
            read.addAll(chunk);
            cursor = chunk.get(chunk.size() - 1);
        }
        assertEquals(own, read);
    }

    @Test
    void manyToManyListsTakeACursorByAnyUniqueField() throws Exception {
        List<String> names = fx.rows("SELECT name FROM \"Tag\" ORDER BY name");
        String cursor = names.get(names.size() / 3);
        Response r = client.post(admin, "query($n: String) { posts(first: 40, orderBy: [{id: asc}]) { edges { node { id tags(orderBy: [{name: asc}], cursor: {name: $n}, "
                + "first: 2) { name } } } } }", Map.of("n", cursor));
        assertEquals(0, r.errors().size(), r.body().toString());
        int nonEmpty = 0;
        for (JsonNode e : r.data().path("posts").path("edges")) {
            String post = e.path("node").path("id").asText();
            List<String> expected = fx.rows("SELECT t.name FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = " + post + " AND t.name >= '"
                    + cursor.replace("'", "''") + "' ORDER BY t.name, t.id LIMIT 2");
            List<String> actual = new ArrayList<>();
            for (JsonNode t : e.path("node").path("tags")) actual.add(t.path("name").asText());
            assertEquals(expected, actual, "post " + post);
            if (!actual.isEmpty()) nonEmpty++;
        }
        assertTrue(nonEmpty > 5, "enough posts have tags past the cursor: " + nonEmpty);
    }

    @Test
    void aCursorNamingNoVisibleRowGivesEmptyListsAndSkipMustNotBeNegative() throws Exception {
        Response missing = client.post(admin, "{ users(first: 10) { edges { node { posts(cursor: {id: 999999}, first: 5) { id } } } } }");
        assertEquals(0, missing.errors().size(), missing.body().toString());
        for (JsonNode e : missing.data().path("users").path("edges")) assertEquals(0, e.path("node").path("posts").size());
        // a reader sees published posts only: a draft cannot serve as a cursor (its place in the order would leak)
        String draft = fx.sql("SELECT id FROM \"Post\" WHERE status <> 'PUBLISHED' ORDER BY id LIMIT 1");
        String reader = Tokens.hs256("reader", "users:read posts:read");
        Response hidden = client.post(reader, "{ users(first: 10) { edges { node { posts(cursor: {id: " + draft + "}, first: 5) { id } } } } }");
        assertEquals(0, hidden.errors().size(), hidden.body().toString());
        for (JsonNode e : hidden.data().path("users").path("edges")) assertEquals(0, e.path("node").path("posts").size());
        Response negative = client.post(admin, "{ users(first: 1) { edges { node { posts(first: 2, skip: -1) { id } } } } }");
        assertEquals("BAD_USER_INPUT", negative.firstCode(), negative.body().toString());
        Response two = client.post(admin, "{ users(first: 1) { edges { node { posts(first: 2, cursor: {id: 1, slug: \"x\"}) { id } } } } }");
        assertEquals("BAD_USER_INPUT", two.firstCode(), two.body().toString());
        Response withNull = client.post(admin, "{ users(first: 1) { edges { node { posts(first: 2, cursor: {id: 999999, slug: null}) { id } } } } }");
        assertEquals(0, withNull.errors().size(), "an explicit null names nothing: " + withNull.body());
    }
}
