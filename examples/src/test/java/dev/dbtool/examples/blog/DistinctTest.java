package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Prisma's {@code distinct} on the blog's lists over HTTP ({@code posts(distinct: [authorId], orderBy: …)}): of the rows
 * with the same values only the first in the list's order, paged with cursors both ways, {@code totalCount} counting
 * the distinct rows, against what SQL's DISTINCT ON gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistinctTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_distinct", 101);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void theFirstRowPerDistinctValuesInTheListsOrder() throws Exception {
        String[][] cases = {
            {"distinct: [authorId], orderBy: [{publishedAt: desc, nulls: last}]",
                "SELECT id FROM (SELECT DISTINCT ON (\"authorId\") * FROM \"Post\" ORDER BY \"authorId\", \"publishedAt\" DESC NULLS LAST, id) s "
                        + "ORDER BY \"publishedAt\" DESC NULLS LAST, id"},
            {"distinct: [authorId, status], where: {title: {contains: \"a\"}}, orderBy: [{title: asc}]",
                "SELECT id FROM (SELECT DISTINCT ON (\"authorId\", status) * FROM \"Post\" WHERE title LIKE '%a%' ORDER BY \"authorId\", status, title, id) s "
                        + "ORDER BY title, id"},
            {"distinct: [status]", "SELECT id FROM (SELECT DISTINCT ON (status) * FROM \"Post\" ORDER BY status, id) s ORDER BY id"}};
        for (String[] c : cases) {
            List<String> expected = fx.rows(c[1]);
            PageWalk.Result forward = PageWalk.walk(client, admin, "posts", c[0], 6, false);
            assertEquals(expected, forward.ids(), c[0] + " forward");
            assertEquals(expected.size(), forward.totalCount(), c[0] + " totalCount");
            assertEquals(expected, PageWalk.walk(client, admin, "posts", c[0], 6, true).ids(), c[0] + " backward");
        }
        assertTrue(fx.rows("SELECT DISTINCT \"authorId\" FROM \"Post\"").size() > 6, "more than a page of authors");
    }

    @Test
    void distinctAndAnOrderingAcrossRelationsAreRefused() throws Exception {
        Response r = client.post(admin, "{ posts(distinct: [authorId], orderBy: [{comments: {_count: desc}}]) { totalCount } }");
        assertEquals("BAD_USER_INPUT", r.firstCode(), r.body().toString());
    }
}
