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
 * Ordering across relations on the blog over HTTP, Prisma's shapes: by a list relation's size ({@code {comments:
 * {_count: desc}}}, many-to-many too) and by a to-one relation's field ({@code {author: {name: asc}}}, two levels
 * deep), against the order SQL gives; root lists paged both ways with cursors, relation lists; the target's row rule
 * and read scope apply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationOrderingTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_relation_order", 97);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void rootListsByCountsAndRelatedFieldsPageBothWays() throws Exception {
        String[][] cases = {
            {"posts", "[{comments: {_count: desc}}]", "SELECT p.id FROM \"Post\" p ORDER BY (SELECT count(*) FROM \"Comment\" c WHERE c.\"postId\" = p.id) DESC, p.id"},
            {"posts", "[{author: {name: asc}, nulls: first}, {title: desc}]",
                "SELECT p.id FROM \"Post\" p ORDER BY (SELECT u.name FROM users u WHERE u.id = p.\"authorId\") ASC NULLS FIRST, p.title DESC, p.id"},
            {"tags", "[{posts: {_count: desc}}]", "SELECT t.id FROM \"Tag\" t ORDER BY (SELECT count(*) FROM \"_PostToTag\" j WHERE j.\"B\" = t.id) DESC, t.id"},
            {"comments", "[{post: {author: {email: desc}}}]",
                "SELECT c.id FROM \"Comment\" c ORDER BY (SELECT u.email FROM \"Post\" p JOIN users u ON u.id = p.\"authorId\" WHERE p.id = c.\"postId\") DESC NULLS FIRST, c.id"}};
        for (String[] c : cases) {
            List<String> expected = fx.rows(c[2]);
            assertTrue(expected.size() > 9, c[0] + ": more than a page");
            assertEquals(expected, PageWalk.walk(client, admin, c[0], "orderBy: " + c[1], 9, false).ids(), c[0] + " " + c[1] + " forward");
            assertEquals(expected, PageWalk.walk(client, admin, c[0], "orderBy: " + c[1], 9, true).ids(), c[0] + " " + c[1] + " backward");
        }
    }

    @Test
    void onlyRowsTheCallerMayReadCount() throws Exception {
        // a reader sees published posts only: users ordered by their posts count those
        String reader = Tokens.hs256("reader", "users:read posts:read");
        List<String> expected = fx.rows("SELECT u.id FROM users u ORDER BY (SELECT count(*) FROM \"Post\" p WHERE p.\"authorId\" = u.id AND p.status = 'PUBLISHED') DESC, u.id");
        assertEquals(expected, PageWalk.walk(client, reader, "users", "orderBy: [{posts: {_count: desc}}]", 9, false).ids());
        List<String> all = fx.rows("SELECT u.id FROM users u ORDER BY (SELECT count(*) FROM \"Post\" p WHERE p.\"authorId\" = u.id) DESC, u.id");
        assertTrue(!all.equals(expected), "drafts would change the order");
        // ordering by another type's rows needs its read scope
        Response forbidden = client.post(Tokens.hs256("reader", "posts:read"), "{ posts(orderBy: [{author: {name: asc}}]) { totalCount } }");
        assertEquals("FORBIDDEN", forbidden.firstCode(), forbidden.body().toString());
    }

    @Test
    void relationListsOrderAcrossRelationsInOneStatement() throws Exception {
        long before = fx.counting.statements();
        Response r = client.post(admin, "{ users(first: 30) { edges { node { id posts(first: 3, orderBy: [{comments: {_count: desc}}]) { id } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(2, fx.counting.statements() - before, "the page, then every user's posts");
        int checked = 0;
        for (JsonNode e : r.data().path("users").path("edges")) {
            String user = e.path("node").path("id").asText();
            List<String> expected = fx.rows("SELECT p.id FROM \"Post\" p WHERE p.\"authorId\" = '" + user
                    + "' ORDER BY (SELECT count(*) FROM \"Comment\" c WHERE c.\"postId\" = p.id) DESC, p.id LIMIT 3");
            List<String> actual = new ArrayList<>();
            for (JsonNode p : e.path("node").path("posts")) actual.add(p.path("id").asText());
            assertEquals(expected, actual, user);
            if (expected.size() > 1) checked++;
        }
        assertTrue(checked > 3, "enough users with several posts: " + checked);
        Response many = client.post(admin, "{ posts(orderBy: [{comments: {_count: desc}}, {tags: {_count: asc}}, {author: {name: asc}}, {editor: {name: asc}}]) "
                + "{ totalCount } }");
        assertEquals("BAD_USER_INPUT", many.firstCode(), "at most 3 keys across relations: " + many.body());
        Response deep = client.post(admin, "{ comments(orderBy: [{post: {author: {invitedBy: {invitedBy: {invitedBy: {name: asc}}}}}}]) { totalCount } }");
        assertEquals("BAD_USER_INPUT", deep.firstCode(), "at most 4 relations deep: " + deep.body());
        Response cursor = client.post(admin, "{ users(first: 1) { edges { node { posts(first: 2, cursor: {id: 1}, orderBy: [{comments: {_count: desc}}]) { id } } } } }");
        assertEquals("BAD_USER_INPUT", cursor.firstCode(), cursor.body().toString());
    }
}
