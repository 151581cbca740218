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
 * Prisma's JSON filter on the blog's {@code Post.metadata} and its full-text {@code search} (the blog's generator lists
 * {@code fullTextSearchPostgres}), over HTTP, each against the rows SQL selects; bad search text is the client's error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonAndSearchFiltersTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_json_search", 53);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
        // a few shapes of metadata to tell apart
        fx.sql("UPDATE \"Post\" SET metadata = CASE id % 5"
                + " WHEN 0 THEN '{\"lang\": \"en\", \"tags\": [\"java\", \"sql\"], \"stats\": {\"views\": 10}}'::jsonb"
                + " WHEN 1 THEN '{\"lang\": \"de\", \"tags\": [\"sql\"], \"stats\": {\"views\": 3}}'::jsonb"
                + " WHEN 2 THEN '{\"lang\": \"EN-gb\", \"tags\": []}'::jsonb"
                + " WHEN 3 THEN '{}'::jsonb ELSE NULL END RETURNING 1");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    List<String> slugs(String where, Map<String, Object> variables) throws Exception {
        Response r = client.post(admin, "query($w: PostWhereInput) { posts(where: $w, first: 100, orderBy: [{slug: asc}]) { edges { node { slug } } } }",
                Map.of("w", variables));
        assertEquals(0, r.errors().size(), where + ": " + r.body());
        List<String> out = new ArrayList<>();
        for (JsonNode e : r.data().path("posts").path("edges")) out.add(e.path("node").path("slug").asText());
        return out;
    }

    List<String> sql(String where) throws Exception {
        return fx.rows("SELECT slug FROM \"Post\" WHERE " + where + " ORDER BY slug LIMIT 100");
    }

    void same(String sqlWhere, Map<String, Object> graphqlWhere) throws Exception {
        List<String> expected = sql(sqlWhere);
        assertTrue(!expected.isEmpty(), "the data has rows for " + sqlWhere);
        List<String> actual = slugs(sqlWhere, graphqlWhere);
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), sqlWhere);
    }

    @Test
    void jsonFiltersMatchWhatSqlSelects() throws Exception {
        same("metadata #> '{lang}' = '\"en\"'", Map.of("metadata", Map.of("path", List.of("lang"), "equals", "en")));
        same("metadata #> '{stats,views}' = '10'", Map.of("metadata", Map.of("path", List.of("stats", "views"), "equals", 10)));
        same("metadata = '{}'::jsonb", Map.of("metadata", Map.of("equals", Map.of())));
        same("(metadata #> '{lang}' <> '\"en\"' OR metadata #> '{lang}' IS NULL)", Map.of("metadata", Map.of("path", List.of("lang"), "not", "en")));
        same("jsonb_typeof(metadata #> '{lang}') = 'string' AND metadata #>> '{lang}' ILIKE 'en%'",
                Map.of("metadata", Map.of("path", List.of("lang"), "string_starts_with", "en", "mode", "insensitive")));
        same("metadata #> '{tags}' @> '[\"sql\"]'", Map.of("metadata", Map.of("path", List.of("tags"), "array_contains", List.of("sql"))));
        same("metadata #> '{tags}' @> '[\"java\"]'", Map.of("metadata", Map.of("path", List.of("tags"), "array_contains", "java")));
        same("metadata #> '{tags}' -> 0 = '\"sql\"'", Map.of("metadata", Map.of("path", List.of("tags"), "array_starts_with", "sql")));
        same("metadata IS NULL", Map.of("metadata", nullEquals()));
    }

    private static Map<String, Object> nullEquals() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("equals", null);
        return m;
    }

    @Test
    void fullTextSearchMatchesToTsquery() throws Exception {
        String word = fx.sql("SELECT w FROM (SELECT unnest(tsvector_to_array(to_tsvector(title))) AS w FROM \"Post\") x GROUP BY w ORDER BY count(*) DESC, w LIMIT 1");
        String other = fx.sql("SELECT w FROM (SELECT unnest(tsvector_to_array(to_tsvector(title))) AS w FROM \"Post\") x GROUP BY w ORDER BY count(*) DESC, w OFFSET 1 LIMIT 1");
        for (String q : List.of(word, word + " | " + other, word + " & !" + other)) {
            same("to_tsvector(title) @@ to_tsquery('" + q + "')", Map.of("title", Map.of("search", q)));
        }
        Response bad = client.post(admin, "{ posts(where: {title: {search: \"cat & \"}}) { totalCount } }");
        assertEquals("BAD_USER_INPUT", bad.firstCode(), "a malformed search text is the client's error: " + bad.body());
    }
}
