package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private List<String> pageThrough(String args, boolean backward, int[] total) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Map<String, Object> vars = new HashMap<>();
            if (cursor != null) vars.put("c", cursor);
            String paging = backward ? "last: 6, before: $c" : "first: 6, after: $c";
            Response r = client.post(admin, "query($c: String) { posts(" + paging + ", " + args + ") { totalCount edges { node { id } } "
                    + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }", vars);
            assertEquals(0, r.errors().size(), r.body().toString());
            JsonNode posts = r.data().path("posts");
            total[0] = posts.path("totalCount").asInt();
            List<String> chunk = new ArrayList<>();
            for (JsonNode e : posts.path("edges")) chunk.add(e.path("node").path("id").asText());
            if (backward) Collections.reverse(chunk);
            ids.addAll(chunk);
            if (!posts.path("pageInfo").path(backward ? "hasPreviousPage" : "hasNextPage").asBoolean()) break;
            cursor = posts.path("pageInfo").path(backward ? "startCursor" : "endCursor").asText();
        }
        if (backward) Collections.reverse(ids);
        return ids;
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
            int[] total = {-1};
            assertEquals(expected, pageThrough(c[0], false, total), c[0] + " forward");
            assertEquals(expected.size(), total[0], c[0] + " totalCount");
            assertEquals(expected, pageThrough(c[0], true, total), c[0] + " backward");
        }
        assertTrue(fx.rows("SELECT DISTINCT \"authorId\" FROM \"Post\"").size() > 6, "more than a page of authors");
    }

    @Test
    void distinctAndAnOrderingAcrossRelationsAreRefused() throws Exception {
        Response r = client.post(admin, "{ posts(distinct: [authorId], orderBy: [{comments: {_count: desc}}]) { totalCount } }");
        assertEquals("BAD_USER_INPUT", r.firstCode(), r.body().toString());
    }
}
