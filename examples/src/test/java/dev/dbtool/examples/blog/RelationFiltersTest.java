package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Relation filters on the blog over HTTP: {@code some}/{@code every}/{@code none} on one-to-many and implicit
 * many-to-many relations, {@code is}/{@code isNot} (and {@code is: null}) on to-one relations, nested, each against the
 * rows SQL returns; one statement per list; the target's read scope and row rule apply inside (a reader's filter
 * cannot see drafts); and the Redis page cache never serves a relation-filtered page a write to the other table changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationFiltersTest {
    static final String ADMIN = "users:read users:write posts:read posts:write posts:review";
    CacheFixture fx;
    GraphQLClient client;
    String admin;
    String reader;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_relation_filters", 29);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", ADMIN);
        reader = Tokens.hs256("reader", "users:read posts:read");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    List<String> sql(String query) throws Exception { return fx.rows(query); }

    /** The {@code field} of every node of the list {@code list} matching {@code where} (all pages), sorted. */
    List<String> listed(String token, String list, String where, String field) throws Exception {
        List<String> out = new ArrayList<>();
        String after = null;
        int total;
        do {
            Response r = client.post(token, "query($after: String) { " + list + "(where: " + where + ", first: 100, after: $after) { totalCount "
                    + "edges { node { " + field + " } } pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after));
            assertEquals(0, r.errors().size(), r.body().toString());
            JsonNode c = r.data().path(list);
            for (JsonNode e : c.path("edges")) out.add(e.path("node").path(field).asText());
            total = c.path("totalCount").asInt();
            after = c.path("pageInfo").path("hasNextPage").asBoolean() ? c.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        assertEquals(out.size(), total, "totalCount counts the same rows");
        return List.copyOf(new TreeSet<>(out));
    }

    static List<String> sorted(List<String> values) { return List.copyOf(new TreeSet<>(values)); }

    @Test
    void toManyRelationsTakeSomeEveryAndNone() throws Exception {
        List<String> some = sorted(sql("SELECT u.email FROM users u WHERE EXISTS (SELECT 1 FROM \"Post\" p WHERE p.\"authorId\" = u.id AND p.status = 'PUBLISHED')"));
        List<String> all = sql("SELECT email FROM users");
        assertTrue(!some.isEmpty() && some.size() < all.size(), "the seed makes the filter meaningful: " + some.size() + " of " + all.size());
        assertEquals(some, listed(admin, "users", "{posts: {some: {status: {equals: PUBLISHED}}}}", "email"));
        assertEquals(sorted(sql("SELECT u.email FROM users u WHERE NOT EXISTS (SELECT 1 FROM \"Post\" p WHERE p.\"authorId\" = u.id AND p.status <> 'PUBLISHED')")),
                listed(admin, "users", "{posts: {every: {status: {equals: PUBLISHED}}}}", "email"));
        assertEquals(sorted(sql("SELECT u.email FROM users u WHERE NOT EXISTS (SELECT 1 FROM \"Post\" p WHERE p.\"authorId\" = u.id)")),
                listed(admin, "users", "{posts: {none: {}}}", "email"));
        // combined with scalar conditions and NOT
        assertEquals(sorted(sql("SELECT u.email FROM users u WHERE u.role = 'AUTHOR' AND NOT EXISTS (SELECT 1 FROM \"Post\" p WHERE p.\"authorId\" = u.id AND p.rating > 3)")),
                listed(admin, "users", "{role: {equals: AUTHOR}, NOT: {posts: {some: {rating: {gt: 3}}}}}", "email"));
    }

    @Test
    void toOneRelationsTakeIsAndIsNot() throws Exception {
        List<String> byAdmins = sorted(sql("SELECT p.slug FROM \"Post\" p JOIN users u ON u.id = p.\"authorId\" WHERE u.role = 'administrator'"));
        assertEquals(byAdmins, listed(admin, "posts", "{author: {is: {role: {equals: ADMIN}}}}", "slug"));
        assertEquals(sorted(sql("SELECT p.slug FROM \"Post\" p JOIN users u ON u.id = p.\"authorId\" WHERE u.role <> 'administrator'")),
                listed(admin, "posts", "{author: {isNot: {role: {equals: ADMIN}}}}", "slug"));
        List<String> unedited = sorted(sql("SELECT slug FROM \"Post\" WHERE \"editorId\" IS NULL"));
        assertTrue(!unedited.isEmpty(), "some posts have no editor");
        assertEquals(unedited, listed(admin, "posts", "{editor: {is: null}}", "slug"));
        assertEquals(sorted(sql("SELECT slug FROM \"Post\" WHERE \"editorId\" IS NOT NULL")), listed(admin, "posts", "{editor: {isNot: null}}", "slug"));
    }

    @Test
    void manyToManyAndNestedFiltersAreOneStatement() throws Exception {
        String tag = sql("SELECT t.name FROM \"Tag\" t JOIN \"_PostToTag\" j ON j.\"B\" = t.id GROUP BY t.name ORDER BY count(*) DESC, t.name LIMIT 1").get(0);
        List<String> tagged = sorted(sql("SELECT p.slug FROM \"Post\" p WHERE EXISTS (SELECT 1 FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" "
                + "WHERE j.\"A\" = p.id AND t.name = '" + tag.replace("'", "''") + "')"));
        assertTrue(!tagged.isEmpty(), "posts carry the tag " + tag);
        long before = fx.counting.statements();
        assertEquals(tagged, listed(admin, "posts", "{tags: {some: {name: {equals: \"" + tag + "\"}}}}", "slug"));
        assertEquals(2, fx.counting.statements() - before, "the page and its count, each one statement: the relation filter is a subquery, not a loop");
        List<String> nested = sorted(sql("SELECT u.email FROM users u WHERE EXISTS (SELECT 1 FROM \"Post\" p WHERE p.\"authorId\" = u.id AND EXISTS ("
                + "SELECT 1 FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = p.id AND t.name = '" + tag.replace("'", "''") + "'))"));
        before = fx.counting.statements();
        assertEquals(nested, listed(admin, "users", "{posts: {some: {tags: {some: {name: {equals: \"" + tag + "\"}}}}}}", "email"));
        assertEquals(2, fx.counting.statements() - before, "two levels deep, still one statement each");
    }

    @Test
    void theTargetsScopeAndRowRuleHoldInsideTheFilter() throws Exception {
        // a reader sees published posts only (the blog's row rule): drafts do not make a user match, and do not break "every"
        List<String> withDrafts = listed(admin, "users", "{posts: {some: {status: {equals: DRAFT}}}}", "email");
        assertTrue(!withDrafts.isEmpty(), "the seed has drafts");
        assertEquals(List.of(), listed(reader, "users", "{posts: {some: {status: {equals: DRAFT}}}}", "email"), "hidden rows do not count");
        assertEquals(sorted(sql("SELECT email FROM users")), listed(reader, "users", "{posts: {every: {status: {equals: PUBLISHED}}}}", "email"),
                "every post the reader may see is published");
        Response forbidden = client.post(Tokens.hs256("u", "users:read"), "{ users(where: {posts: {some: {title: {contains: \"a\"}}}}) { totalCount } }");
        assertEquals("FORBIDDEN", forbidden.firstCode(), "filtering by posts needs posts:read: " + forbidden.body());
        Response toOne = client.post(Tokens.hs256("p", "posts:read"), "{ posts(where: {author: {is: {role: {equals: ADMIN}}}}) { totalCount } }");
        assertEquals("FORBIDDEN", toOne.firstCode(), "filtering by author needs users:read: " + toOne.body());
    }

    @Test
    void relationListsTakeWhereInTheSameBatchedStatement() throws Exception {
        Map<String, List<String>> expected = new java.util.TreeMap<>();
        for (String row : sql("SELECT u.email || '|' || coalesce(string_agg(p.slug, ',' ORDER BY p.slug), '') FROM users u "
                + "LEFT JOIN \"Post\" p ON p.\"authorId\" = u.id AND p.status = 'PUBLISHED' AND p.rating > 2 GROUP BY u.email")) {
            String[] parts = row.split("\\|", -1);
            expected.put(parts[0], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")));
        }
        long before = fx.counting.statements();
        Response r = client.post(admin, "{ users(first: 100) { edges { node { email posts(where: {status: {equals: PUBLISHED}, rating: {gt: 2}}) { slug } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(2, fx.counting.statements() - before, "the users page, then every user's filtered posts in one statement");
        Map<String, List<String>> got = new java.util.TreeMap<>();
        for (JsonNode e : r.data().path("users").path("edges")) {
            List<String> slugs = new ArrayList<>();
            for (JsonNode p : e.path("node").path("posts")) slugs.add(p.path("slug").asText());
            got.put(e.path("node").path("email").asText(), sorted(slugs));
        }
        for (Map.Entry<String, List<String>> e : got.entrySet()) assertEquals(expected.get(e.getKey()), e.getValue(), e.getKey());
        assertTrue(got.values().stream().anyMatch(l -> !l.isEmpty()) && got.values().stream().anyMatch(List::isEmpty), "the filter keeps some posts and drops others");
        // with first and orderBy: the best-rated matching post of each user, still one statement for all users
        before = fx.counting.statements();
        Response top = client.post(admin, "{ users(first: 100) { edges { node { email posts(where: {status: {equals: PUBLISHED}}, first: 1, orderBy: [{rating: desc}]) { rating } } } } }");
        assertEquals(0, top.errors().size(), top.body().toString());
        assertEquals(2, fx.counting.statements() - before);
        // relation filters inside a relation list: the posts of each user that carry a tag, with and without first
        String tag = sql("SELECT t.name FROM \"Tag\" t JOIN \"_PostToTag\" j ON j.\"B\" = t.id GROUP BY t.name ORDER BY count(*) DESC, t.name LIMIT 1").get(0);
        Map<String, List<String>> tagged = new java.util.TreeMap<>();
        for (String row : sql("SELECT u.email || '|' || coalesce(string_agg(p.slug, ',' ORDER BY p.slug), '') FROM users u LEFT JOIN \"Post\" p ON p.\"authorId\" = u.id "
                + "AND EXISTS (SELECT 1 FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = p.id AND t.name = '" + tag.replace("'", "''") + "') GROUP BY u.email")) {
            String[] parts = row.split("\\|", -1);
            tagged.put(parts[0], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")));
        }
        for (String args : new String[] {"", ", first: 50, orderBy: [{slug: asc}]"}) {
            before = fx.counting.statements();
            Response nested = client.post(admin, "{ users(first: 100) { edges { node { email posts(where: {tags: {some: {name: {equals: \"" + tag + "\"}}}}" + args
                    + ") { slug } } } } }");
            assertEquals(0, nested.errors().size(), nested.body().toString());
            assertEquals(2, fx.counting.statements() - before, "still one statement for every user's posts" + args);
            for (JsonNode e : nested.data().path("users").path("edges")) {
                List<String> slugs = new ArrayList<>();
                for (JsonNode p : e.path("node").path("posts")) slugs.add(p.path("slug").asText());
                assertEquals(tagged.get(e.path("node").path("email").asText()), sorted(slugs), e.path("node").path("email").asText() + args);
            }
        }
    }

    @Test
    void theCacheNeverServesAPageAWriteToTheOtherTableChanged() throws Exception {
        Api cached = fx.api(TestRedis.url(), CacheFixture.freshPrefix());
        com.example.blog.generated.Principal who = new com.example.blog.generated.Principal("admin", java.util.Set.of(ADMIN.split(" ")));
        String query = "{ users(where: {posts: {some: {title: {equals: \"Relation filters and caches\"}}}}) { totalCount } }";
        assertEquals(0, cached.execute(query, null, Map.of(), who).<Map<String, Map<String, Integer>>>getData().get("users").get("totalCount"));
        String author = sql("SELECT id FROM users ORDER BY email LIMIT 1").get(0);
        var created = cached.execute("mutation($a: ID!) { createPost(data: {slug: \"relation-filters\", title: \"Relation filters and caches\", body: \"b\", authorId: $a}) { id } }",
                null, Map.of("a", author), who);
        assertTrue(created.getErrors().isEmpty(), created.getErrors().toString());
        assertEquals(1, cached.execute(query, null, Map.of(), who).<Map<String, Map<String, Integer>>>getData().get("users").get("totalCount"),
                "a write to Post shows at once in a users page filtered by posts");
    }
}
