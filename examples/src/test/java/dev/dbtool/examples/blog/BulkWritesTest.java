package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import com.example.blog.generated.Principal;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code updateManyPosts} and {@code deleteManyComments} on the blog over HTTP: the rows a filter selects (relation
 * filters included), written in one statement and counted, against SQL; the write scope; the row rule selects what a
 * caller may write and an update may not hide a row from them (the transaction rolls back); validation; the cache
 * sees every written row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkWritesTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_bulk_writes", 37);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    List<String> sql(String query) throws Exception { return fx.rows(query); }

    int count(String query) throws Exception { return Integer.parseInt(sql(query).get(0)); }

    @Test
    void updateManyChangesTheSelectedRowsInOneStatement() throws Exception {
        List<String> selected = sql("SELECT slug FROM \"Post\" WHERE status = 'DRAFT' AND rating > 3 ORDER BY slug");
        assertTrue(!selected.isEmpty(), "the seed has such posts");
        long before = fx.counting.statements();
        Response r = client.post(admin, "mutation { updateManyPosts(where: {status: {equals: DRAFT}, rating: {gt: 3}}, data: {status: ARCHIVED}) { count } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(selected.size(), r.data().path("updateManyPosts").path("count").asInt());
        assertEquals(2, fx.counting.statements() - before, "one UPDATE … RETURNING (no row rule to check again for a reviewer), one NOTIFY for postEvents");
        assertEquals(0, count("SELECT count(*) FROM \"Post\" WHERE status = 'DRAFT' AND rating > 3"));
        assertEquals(selected, sql("SELECT slug FROM \"Post\" WHERE slug = ANY(ARRAY['" + String.join("','", selected) + "']) AND status = 'ARCHIVED' ORDER BY slug"));
        Response invalid = client.post(admin, "mutation { updateManyPosts(where: {}, data: {slug: \"Not A Slug\"}) { count } }");
        assertEquals("BAD_USER_INPUT", invalid.firstCode(), "@validate holds for bulk writes: " + invalid.body());
        Response reader = client.post(Tokens.hs256("r", "posts:read"), "mutation { updateManyPosts(where: {}, data: {rating: 1}) { count } }");
        assertEquals("FORBIDDEN", reader.firstCode(), "posts:write is needed");
    }

    @Test
    void theRowRuleSelectsWhatACallerMayWriteAndNoRowLeavesTheirSight() throws Exception {
        // a writer who is not a reviewer sees (and so writes) published posts only
        String writer = Tokens.hs256("writer", "posts:read posts:write");
        int published = count("SELECT count(*) FROM \"Post\" WHERE status = 'PUBLISHED'");
        Response r = client.post(writer, "mutation { updateManyPosts(where: {}, data: {rating: 4.5}) { count } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(published, r.data().path("updateManyPosts").path("count").asInt(), "drafts are not the writer's to change");
        assertEquals(published, count("SELECT count(*) FROM \"Post\" WHERE rating = 4.5"));
        String slug = sql("SELECT slug FROM \"Post\" WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1").get(0);
        Response hide = client.post(writer, "mutation { updateManyPosts(where: {slug: {equals: \"" + slug + "\"}}, data: {status: DRAFT}) { count } }");
        assertTrue(hide.errors().size() > 0, "moving a row out of the writer's sight fails: " + hide.body());
        assertEquals("PUBLISHED", sql("SELECT status FROM \"Post\" WHERE slug = '" + slug + "'").get(0), "and rolls back");
    }

    @Test
    void deleteManyTakesRelationFiltersToo() throws Exception {
        String selected = "FROM \"Comment\" c JOIN \"Post\" p ON p.id = c.\"postId\" WHERE p.status = 'PUBLISHED' "
                + "AND NOT EXISTS (SELECT 1 FROM \"Comment\" r WHERE r.\"parentId\" = c.id)";
        int expected = count("SELECT count(*) " + selected);
        int all = count("SELECT count(*) FROM \"Comment\"");
        assertTrue(expected > 0 && expected < all, "the seed has comments without replies on published posts, and others: " + expected + " of " + all);
        Response r = client.post(admin, "mutation { deleteManyComments(where: {post: {is: {status: {equals: PUBLISHED}}}, replies: {none: {}}}) { count } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(expected, r.data().path("deleteManyComments").path("count").asInt());
        assertEquals(all - expected, count("SELECT count(*) FROM \"Comment\""), "exactly those rows are gone");
    }

    @Test
    void theCacheSeesEveryWrittenRow() throws Exception {
        Api cached = fx.api(TestRedis.url(), CacheFixture.freshPrefix());
        Principal who = new Principal("admin", Set.of(RelationFiltersTest.ADMIN.split(" ")));
        List<String> ids = sql("SELECT id::text FROM \"Post\" ORDER BY id LIMIT 3");
        String read = "query($id: Int!) { post(id: $id) { title } }";
        for (String id : ids) assertTrue(cached.execute(read, null, Map.of("id", Integer.parseInt(id)), who).getErrors().isEmpty());
        var done = cached.execute("mutation($ids: [Int!]) { updateManyPosts(where: {id: {in: $ids}}, data: {title: \"Renamed in bulk\"}) { count } }", null,
                Map.of("ids", ids.stream().map(Integer::parseInt).toList()), who);
        assertTrue(done.getErrors().isEmpty(), done.getErrors().toString());
        for (String id : ids) {
            Map<String, Map<String, String>> data = cached.execute(read, null, Map.of("id", Integer.parseInt(id)), who).getData();
            assertEquals("Renamed in bulk", data.get("post").get("title"), "post " + id + " is not served from before the bulk write");
        }
    }

    @Test
    void createManyInsertsEveryRowInOneStatement() throws Exception {
        String author = sql("SELECT id FROM users ORDER BY email LIMIT 1").get(0);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) rows.add(Map.of("slug", "many-" + i, "title", "Many " + i, "body", "b", "status", "PUBLISHED", "authorId", author));
        long before = fx.counting.statements();
        Response r = client.post(admin, "mutation($rows: [PostCreateManyInput!]!) { createManyPosts(data: $rows) { count } }", Map.of("rows", rows));
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(1000, r.data().path("createManyPosts").path("count").asInt());
        assertEquals(2, fx.counting.statements() - before, "one INSERT of 1,000 rows, one NOTIFY for postEvents");
        assertEquals(1000, count("SELECT count(*) FROM \"Post\" WHERE slug LIKE 'many-%' AND \"authorId\" = '" + author + "'"));
        // duplicates: refused as a whole, or skipped when asked
        String dup = "mutation { createManyPosts(data: [{slug: \"many-0\", title: \"t\", body: \"b\", authorId: \"" + author + "\"}, "
                + "{slug: \"many-new\", title: \"t\", body: \"b\", authorId: \"" + author + "\"}]%s) { count } }";
        Response conflict = client.post(admin, String.format(dup, ""));
        assertEquals("CONFLICT", conflict.firstCode(), conflict.body().toString());
        assertEquals(0, count("SELECT count(*) FROM \"Post\" WHERE slug = 'many-new'"), "nothing of a refused createMany is written");
        Response skipped = client.post(admin, String.format(dup, ", skipDuplicates: true"));
        assertEquals(1, skipped.data().path("createManyPosts").path("count").asInt(), skipped.body().toString());
        assertEquals(1, count("SELECT count(*) FROM \"Post\" WHERE slug = 'many-new'"));
        // every row is validated before any SQL, problems by index
        long beforeInvalid = fx.counting.statements();
        Response invalid = client.post(admin, "mutation { createManyPosts(data: [{slug: \"ok-slug\", title: \"t\", body: \"b\", authorId: \"" + author + "\"}, "
                + "{slug: \"Bad Slug\", title: \"t\", body: \"b\", authorId: \"" + author + "\", price: \"-1\"}]) { count } }");
        assertEquals("BAD_USER_INPUT", invalid.firstCode());
        assertTrue(invalid.body().toString().contains("[\"data\",1,\"slug\"]") && invalid.body().toString().contains("[\"data\",1,\"price\"]"), invalid.body().toString());
        assertEquals(0, fx.counting.statements() - beforeInvalid, "no statement reached the database");
        // rows the caller could not see afterwards are refused as for one row
        Response hidden = client.post(Tokens.hs256("writer", "posts:read posts:write"), "mutation { createManyPosts(data: [{slug: \"hidden-many\", title: \"t\", body: \"b\", "
                + "status: DRAFT, authorId: \"" + author + "\"}]) { count } }");
        assertEquals("FORBIDDEN", hidden.firstCode(), hidden.body().toString());
        assertEquals(0, count("SELECT count(*) FROM \"Post\" WHERE slug = 'hidden-many'"));
    }
}
