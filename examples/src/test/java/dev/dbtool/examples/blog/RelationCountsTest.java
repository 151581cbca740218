package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code _count} on the blog over HTTP: each list relation's size (one-to-many and many-to-many) against SQL, one
 * GROUP BY statement per relation and level whatever the number of parents, the target's row rule and scope applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationCountsTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_relation_counts", 31);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    Map<String, Integer> sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(fx.db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            Map<String, Integer> out = new TreeMap<>();
            while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            return out;
        }
    }

    Map<String, Integer> counted(Response r, String list, String key, String relation) {
        assertEquals(0, r.errors().size(), r.body().toString());
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode e : r.data().path(list).path("edges")) out.put(e.path("node").path(key).asText(), e.path("node").path("_count").path(relation).asInt());
        return out;
    }

    @Test
    void countsEachListRelationInOneStatementPerLevel() throws Exception {
        long before = fx.counting.statements();
        Response r = client.post(admin, "{ users(first: 100) { edges { node { email _count { posts comments } } } } }");
        assertEquals(3, fx.counting.statements() - before, "the page, then one GROUP BY per counted relation for all users");
        Map<String, Integer> posts = sql("SELECT u.email, count(p.id) FROM users u LEFT JOIN \"Post\" p ON p.\"authorId\" = u.id GROUP BY u.email");
        assertEquals(posts, counted(r, "users", "email", "posts"));
        assertTrue(posts.values().stream().anyMatch(n -> n == 0) && posts.values().stream().anyMatch(n -> n > 1), "the seed gives varied counts: " + posts.values());
        assertEquals(sql("SELECT u.email, count(c.id) FROM users u LEFT JOIN \"Comment\" c ON c.\"authorId\" = u.id GROUP BY u.email"),
                counted(r, "users", "email", "comments"));
        Response tags = client.post(admin, "{ posts(first: 100, orderBy: [{slug: asc}]) { edges { node { slug _count { tags } } } } }");
        Map<String, Integer> expected = sql("SELECT p.slug, count(j.\"B\") FROM \"Post\" p LEFT JOIN \"_PostToTag\" j ON j.\"A\" = p.id GROUP BY p.slug ORDER BY p.slug LIMIT 100");
        assertEquals(expected, counted(tags, "posts", "slug", "tags"), "many-to-many through the join table");
    }

    @Test
    void onlyRowsTheCallerMayReadAreCounted() throws Exception {
        Response reader = client.post(Tokens.hs256("reader", "users:read posts:read"), "{ users(first: 100) { edges { node { email _count { posts } } } } }");
        assertEquals(sql("SELECT u.email, count(p.id) FROM users u LEFT JOIN \"Post\" p ON p.\"authorId\" = u.id AND p.status = 'PUBLISHED' GROUP BY u.email"),
                counted(reader, "users", "email", "posts"), "the blog's row rule: readers see published posts only");
        Response noScope = client.post(Tokens.hs256("u", "users:read"), "{ users(first: 3) { edges { node { email _count { posts } } } } }");
        assertEquals("FORBIDDEN", noScope.firstCode(), noScope.body().toString());
        assertTrue(noScope.data().path("users").path("edges").path(0).path("node").path("_count").path("posts").isNull(), "null without posts:read: " + noScope.body());
    }
}
