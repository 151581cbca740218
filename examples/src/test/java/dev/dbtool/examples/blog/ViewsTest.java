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
 * The blog's {@code view PublishedPost} as a read-only GraphQL type over HTTP: a list with filters, ordering and
 * keyset pages, a get by its {@code @unique} id, aggregates, against the rows SQL returns; no write exists for it.
 * (Prisma leaves creating views to the application: the test creates it, as a migration of the project's would.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_views", 59);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(fx.db.jdbcUrl()); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE VIEW \"PublishedPost\" AS SELECT id, slug, title, \"authorId\" FROM \"Post\" WHERE status = 'PUBLISHED' AND \"deletedAt\" IS NULL");
        }
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void aViewIsListedFilteredPagedAndAggregated() throws Exception {
        List<String> expected = fx.rows("SELECT slug FROM \"PublishedPost\" WHERE title ILIKE '%a%' ORDER BY slug DESC, id");
        assertTrue(expected.size() > 5, "the seed publishes enough posts");
        List<String> actual = new ArrayList<>();
        String after = null;
        do {
            Response r = client.post(admin, "query($after: String) { publishedPosts(where: {title: {contains: \"a\", mode: insensitive}}, orderBy: [{slug: desc}], "
                    + "first: 4, after: $after) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }", after == null ? java.util.Map.of()
                    : java.util.Map.of("after", after));
            assertEquals(0, r.errors().size(), r.body().toString());
            for (JsonNode e : r.data().path("publishedPosts").path("edges")) actual.add(e.path("node").path("slug").asText());
            JsonNode page = r.data().path("publishedPosts").path("pageInfo");
            after = page.path("hasNextPage").asBoolean() ? page.path("endCursor").asText() : null;
        } while (after != null);
        assertEquals(expected, actual, "every page, in order, from the view");
        String id = fx.sql("SELECT id FROM \"PublishedPost\" ORDER BY id LIMIT 1");
        Response one = client.post(admin, "{ publishedPost(id: " + id + ") { slug title } }");
        assertEquals(fx.sql("SELECT slug FROM \"PublishedPost\" WHERE id = " + id), one.data().path("publishedPost").path("slug").asText());
        Response count = client.post(admin, "{ aggregatePublishedPost { _count { _all } _max { title } } }");
        assertEquals(fx.sql("SELECT count(*) FROM \"PublishedPost\""), count.data().path("aggregatePublishedPost").path("_count").path("_all").asText());
        assertEquals(fx.sql("SELECT max(title) FROM \"PublishedPost\""), count.data().path("aggregatePublishedPost").path("_max").path("title").asText());
    }

    @Test
    void aViewHasNoWrites() throws Exception {
        Response r = client.post(admin, "{ __type(name: \"Mutation\") { fields { name } } __schema { types { name } } }");
        String body = r.body().toString();
        assertTrue(body.contains("createPost") && body.contains("\"PublishedPostWhereInput\""), "the schema lists the writes of tables and the view's reads");
        assertTrue(!body.contains("createPublishedPost") && !body.contains("PublishedPostCreateInput") && !body.contains("PublishedPostUpdateInput"), body);
    }

    @Test
    void aViewsRelationsAreReadBothWaysInOneStatementPerLevel() throws Exception {
        long before = fx.counting.statements();
        Response r = client.post(admin, "{ publishedPosts(first: 30) { edges { node { id author { id } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(2, fx.counting.statements() - before, "the page, then every row's author");
        for (JsonNode e : r.data().path("publishedPosts").path("edges")) {
            String id = e.path("node").path("id").asText();
            assertEquals(fx.sql("SELECT \"authorId\"::text FROM \"Post\" WHERE id = " + id), e.path("node").path("author").path("id").asText());
        }
        Response users = client.post(admin, "{ users(first: 40, where: {published: {some: {title: {contains: \"a\"}}}}) { totalCount edges { node { id "
                + "published(first: 2, orderBy: [{slug: asc}]) { slug } _count { published } } } } }");
        assertEquals(0, users.errors().size(), users.body().toString());
        assertEquals(fx.sql("SELECT count(*) FROM users u WHERE EXISTS (SELECT 1 FROM \"PublishedPost\" v WHERE v.\"authorId\" = u.id AND v.title LIKE '%a%')"),
                users.data().path("users").path("totalCount").asText());
        int checked = 0;
        for (JsonNode e : users.data().path("users").path("edges")) {
            String user = e.path("node").path("id").asText();
            List<String> expected = fx.rows("SELECT slug FROM \"PublishedPost\" WHERE \"authorId\" = '" + user + "' ORDER BY slug, id LIMIT 2");
            List<String> actual = new ArrayList<>();
            for (JsonNode p : e.path("node").path("published")) actual.add(p.path("slug").asText());
            assertEquals(expected, actual, user);
            assertEquals(fx.sql("SELECT count(*) FROM \"PublishedPost\" WHERE \"authorId\" = '" + user + "'"), e.path("node").path("_count").path("published").asText());
            checked++;
        }
        assertTrue(checked > 3, "enough users with published posts: " + checked);
    }
}
