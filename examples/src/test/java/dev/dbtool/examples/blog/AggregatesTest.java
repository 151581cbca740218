package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code aggregatePost}, {@code groupByPost} and {@code groupByUser} on the blog over HTTP, each figure against the
 * one SQL computes: one statement per field, only the rows the caller's row rule lets through, enums by their GraphQL
 * names (a mapped value included), having, ordering, paging, and the errors a client can provoke.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregatesTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;
    String reader;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_aggregates", 41);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
        reader = Tokens.hs256("reader", "posts:read users:read");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    Response ok(String token, String query) throws Exception {
        Response r = client.post(token, query);
        assertEquals(0, r.errors().size(), r.body().toString());
        return r;
    }

    static void assertDecimal(String expected, JsonNode actual) {
        if (expected == null) assertTrue(actual.isNull(), "null expected, got " + actual);
        else assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.asText())), expected + " vs " + actual);
    }

    static void assertClose(String expected, JsonNode actual) {
        if (expected == null) assertTrue(actual.isNull(), "null expected, got " + actual);
        else assertEquals(Double.parseDouble(expected), actual.asDouble(), 1e-9);
    }

    @Test
    void aggregateComputesWhatIsSelectedInOneStatement() throws Exception {
        String where = "WHERE rating > 2";
        long before = fx.counting.statements();
        Response r = ok(admin, "{ aggregatePost(where: {rating: {gt: 2}}) { _count { _all price editorId } _sum { price id } _avg { rating price } "
                + "_min { title status publishedAt } _max { price title status } } }");
        assertEquals(1, fx.counting.statements() - before, "one SELECT of every aggregate");
        JsonNode a = r.data().path("aggregatePost");
        assertEquals(fx.sql("SELECT count(*) FROM \"Post\" " + where), a.path("_count").path("_all").asText());
        assertEquals(fx.sql("SELECT count(price) FROM \"Post\" " + where), a.path("_count").path("price").asText());
        assertEquals(fx.sql("SELECT count(\"editorId\") FROM \"Post\" " + where), a.path("_count").path("editorId").asText());
        assertDecimal(fx.sql("SELECT sum(price) FROM \"Post\" " + where), a.path("_sum").path("price"));
        assertEquals(fx.sql("SELECT sum(id) FROM \"Post\" " + where), a.path("_sum").path("id").asText(), "a sum of Int is a BigInt (a string)");
        assertClose(fx.sql("SELECT avg(rating) FROM \"Post\" " + where), a.path("_avg").path("rating"));
        assertDecimal(fx.sql("SELECT avg(price) FROM \"Post\" " + where), a.path("_avg").path("price"));
        assertEquals(fx.sql("SELECT min(title) FROM \"Post\" " + where), a.path("_min").path("title").asText());
        assertEquals(fx.sql("SELECT min(status)::text FROM \"Post\" " + where), a.path("_min").path("status").asText());
        assertEquals(fx.sql("SELECT to_char(min(\"publishedAt\") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM \"Post\" " + where),
                a.path("_min").path("publishedAt").asText().substring(0, 19));
        assertDecimal(fx.sql("SELECT max(price) FROM \"Post\" " + where), a.path("_max").path("price"));
        assertEquals(fx.sql("SELECT max(title) FROM \"Post\" " + where), a.path("_max").path("title").asText());
        assertEquals(fx.sql("SELECT max(status)::text FROM \"Post\" " + where), a.path("_max").path("status").asText());
    }

    @Test
    void aggregatesCountOnlyTheRowsTheCallerMayRead() throws Exception {
        // a reader without posts:review sees published posts only: their aggregates are over those
        JsonNode a = ok(reader, "{ aggregatePost { _count { _all } _sum { price } _max { status } } }").data().path("aggregatePost");
        assertEquals(fx.sql("SELECT count(*) FROM \"Post\" WHERE status = 'PUBLISHED'"), a.path("_count").path("_all").asText());
        assertDecimal(fx.sql("SELECT sum(price) FROM \"Post\" WHERE status = 'PUBLISHED'"), a.path("_sum").path("price"));
        assertEquals("PUBLISHED", a.path("_max").path("status").asText());
        assertTrue(Integer.parseInt(fx.sql("SELECT count(*) FROM \"Post\" WHERE status <> 'PUBLISHED'")) > 0, "the seed has hidden posts to leave out");
        Response none = client.post(Tokens.hs256("nobody", "users:read"), "{ aggregatePost { _count { _all } } }");
        assertEquals("FORBIDDEN", none.firstCode(), "the type's read scope is needed: " + none.body());
    }

    @Test
    void aggregatesTakeRelationFilters() throws Exception {
        String tag = fx.sql("SELECT t.name FROM \"Tag\" t JOIN \"_PostToTag\" j ON j.\"B\" = t.id GROUP BY t.name ORDER BY count(*) DESC, t.name LIMIT 1");
        JsonNode a = ok(admin, "{ aggregatePost(where: {tags: {some: {name: {equals: \"" + tag + "\"}}}}) { _count { _all } _avg { rating } } }")
                .data().path("aggregatePost");
        String selected = "FROM \"Post\" p WHERE EXISTS (SELECT 1 FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = p.id AND t.name = '" + tag + "')";
        assertEquals(fx.sql("SELECT count(*) " + selected), a.path("_count").path("_all").asText());
        assertClose(fx.sql("SELECT avg(rating) " + selected), a.path("_avg").path("rating"));
    }

    @Test
    void aggregatesOverNoRowsAreZeroAndNull() throws Exception {
        JsonNode a = ok(admin, "{ aggregatePost(where: {id: {lt: 0}}) { _count { _all price } _sum { price } _avg { rating } _min { title } } }").data().path("aggregatePost");
        assertEquals(0, a.path("_count").path("_all").asInt());
        assertEquals(0, a.path("_count").path("price").asInt());
        assertTrue(a.path("_sum").path("price").isNull());
        assertTrue(a.path("_avg").path("rating").isNull());
        assertTrue(a.path("_min").path("title").isNull());
    }

    @Test
    void groupByGivesOneEntryPerGroupWithItsAggregates() throws Exception {
        long before = fx.counting.statements();
        JsonNode groups = ok(admin, "{ groupByPost(by: [status], orderBy: [{_count: desc}]) { status _count { _all } _sum { price } _avg { rating } "
                + "_max { publishedAt } } }").data().path("groupByPost");
        assertEquals(1, fx.counting.statements() - before, "one GROUP BY");
        List<String> expected = fx.rows("SELECT status || '|' || count(*) || '|' || coalesce(sum(price)::text, 'null') FROM \"Post\" GROUP BY status "
                + "ORDER BY count(*) DESC, status");
        List<String> actual = new ArrayList<>();
        for (JsonNode g : groups) {
            String sum = g.path("_sum").path("price").isNull() ? "null" : new BigDecimal(g.path("_sum").path("price").asText()).toPlainString();
            actual.add(g.path("status").asText() + "|" + g.path("_count").path("_all").asText() + "|" + sum);
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i).split("\\|");
            String[] a = actual.get(i).split("\\|");
            assertEquals(e[0] + "|" + e[1], a[0] + "|" + a[1], "group " + i);
            if (!e[2].equals("null")) assertEquals(0, new BigDecimal(e[2]).compareTo(new BigDecimal(a[2])), "sum of group " + i);
        }
    }

    @Test
    void havingOrderingAndPagingWorkOnAggregates() throws Exception {
        // authors with at least 3 posts, the highest total price first, two groups after skipping one
        String sql = "SELECT \"authorId\"::text FROM \"Post\" GROUP BY \"authorId\" HAVING count(*) >= 3 "
                + "ORDER BY sum(price) DESC NULLS FIRST, \"authorId\" LIMIT 2 OFFSET 1";
        List<String> expected = fx.rows(sql);
        assertEquals(2, expected.size(), "the seed has enough authors");
        JsonNode groups = ok(admin, "{ groupByPost(by: [authorId], having: {_count: {gte: 3}}, orderBy: [{_sum: {price: desc}}], first: 2, skip: 1) "
                + "{ authorId _count { _all } } }").data().path("groupByPost");
        List<String> actual = new ArrayList<>();
        for (JsonNode g : groups) actual.add(g.path("authorId").asText());
        assertEquals(expected, actual);
        // having on an aggregate of a field, with OR and NOT: a threshold between the groups' lowest and highest average rating
        String threshold = fx.sql("SELECT ((min(a) + max(a)) / 2)::text FROM (SELECT avg(rating) AS a FROM \"Post\" GROUP BY status) g");
        List<String> rich = fx.rows("SELECT status::text FROM \"Post\" GROUP BY status HAVING NOT (avg(rating) < " + threshold + " OR max(price) < 0) ORDER BY \"Post\".status");
        JsonNode filtered = ok(admin, "{ groupByPost(by: [status], having: {NOT: {OR: [{_avg: {rating: {lt: " + threshold + "}}}, {_max: {price: {lt: \"0\"}}}]}}) "
                + "{ status } }").data().path("groupByPost");
        List<String> got = new ArrayList<>();
        for (JsonNode g : filtered) got.add(g.path("status").asText());
        assertEquals(rich, got);
        assertTrue(!rich.isEmpty() && rich.size() < 3, "the condition keeps some groups and drops others: " + rich);
    }

    @Test
    void groupingByAMappedEnumGivesItsGraphQLName() throws Exception {
        // Role.ADMIN is stored as 'administrator'
        fx.sql("UPDATE users SET role = 'administrator' WHERE id = (SELECT id FROM users ORDER BY id LIMIT 1) RETURNING 1");
        List<String> expected = fx.rows("SELECT CASE role::text WHEN 'administrator' THEN 'ADMIN' ELSE role::text END || '|' || count(*) FROM users GROUP BY role ORDER BY role");
        JsonNode groups = ok(admin, "{ groupByUser(by: [role]) { role _count { _all } _sum { karma } } }").data().path("groupByUser");
        List<String> actual = new ArrayList<>();
        for (JsonNode g : groups) actual.add(g.path("role").asText() + "|" + g.path("_count").path("_all").asText());
        assertEquals(expected, actual);
        assertTrue(actual.stream().anyMatch(s -> s.startsWith("ADMIN|")));
    }

    @Test
    void badGroupByRequestsAreTheClientsErrors() throws Exception {
        Response notGrouped = client.post(admin, "{ groupByPost(by: [status]) { status title } }");
        assertEquals("BAD_USER_INPUT", notGrouped.firstCode(), "title is not grouped by: " + notGrouped.body());
        Response empty = client.post(admin, "{ groupByPost(by: []) { _count { _all } } }");
        assertEquals("BAD_USER_INPUT", empty.firstCode(), empty.body().toString());
        Response tooMany = client.post(admin, "{ groupByPost(by: [status], first: 100000) { status } }");
        assertTrue(tooMany.errors().size() > 0, "first is bounded by the maximum page size: " + tooMany.body());
        Response negative = client.post(admin, "{ groupByPost(by: [status], skip: -1) { status } }");
        assertEquals("BAD_USER_INPUT", negative.firstCode(), negative.body().toString());
        Response orderNotGrouped = client.post(admin, "{ groupByPost(by: [status], orderBy: [{title: asc}]) { status } }");
        assertEquals("BAD_USER_INPUT", orderNotGrouped.firstCode(), orderNotGrouped.body().toString());
        Response forbidden = client.post(Tokens.hs256("nobody", "posts:read"), "{ groupByUser(by: [role]) { role } }");
        assertEquals("FORBIDDEN", forbidden.firstCode(), forbidden.body().toString());
    }
}
