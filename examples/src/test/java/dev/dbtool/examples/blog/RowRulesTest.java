package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import com.example.blog.generated.CacheConfig;
import com.example.blog.generated.GraphQLHttpServer;
import com.example.blog.generated.JwtAuthenticator;
import com.example.blog.generated.KeyRing;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One authorization path: the blog's row rule (drafts and archived posts are for their author and for reviewers) holds
 * on every way posts leave the API — root list, lookup by id and by unique slug, to-many and many-to-many relation
 * fields with and without arguments, to-one relations, DataLoader batches over many parents, mutation results — with
 * and without the Redis cache; a field's {@code @auth} scope guards writes too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowRulesTest {
    BlogDatabase.Seeded db;
    HikariDataSource pool;
    final List<AutoCloseable> closing = new ArrayList<>();
    String author;
    String draftId;
    String draftSlug;
    String othersDraftId;

    @BeforeAll
    void start() throws Exception {
        db = BlogDatabase.create("blog_rules", 17);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(db.jdbcUrl());
        hc.setMaximumPoolSize(8);
        pool = new HikariDataSource(hc);
        // an author with a draft and a published post, a tag and a comment on the draft, and someone else's draft
        author = sql("SELECT \"authorId\" FROM \"Post\" GROUP BY \"authorId\" ORDER BY count(*) DESC LIMIT 1").get(0);
        String other = sql("SELECT id FROM users WHERE id <> '" + author + "' ORDER BY id LIMIT 1").get(0);
        draftId = sql("SELECT id FROM \"Post\" WHERE \"authorId\" = '" + author + "' ORDER BY id LIMIT 1").get(0);
        draftSlug = sql("SELECT slug FROM \"Post\" WHERE id = " + draftId).get(0);
        update("UPDATE \"Post\" SET status = 'DRAFT' WHERE id = " + draftId);
        update("UPDATE \"Post\" SET status = 'PUBLISHED' WHERE id = (SELECT id FROM \"Post\" WHERE \"authorId\" = '" + author + "' ORDER BY id OFFSET 1 LIMIT 1)");
        update("INSERT INTO \"_PostToTag\" (\"A\", \"B\") SELECT " + draftId + ", id FROM \"Tag\" ORDER BY id LIMIT 1 ON CONFLICT DO NOTHING");
        update("INSERT INTO \"Comment\" (id, text, \"postId\", \"authorId\") VALUES ('c-on-draft', 'hello', " + draftId + ", '" + other + "')");
        othersDraftId = sql("SELECT id FROM \"Post\" WHERE \"authorId\" <> '" + author + "' ORDER BY id LIMIT 1").get(0);
        update("UPDATE \"Post\" SET status = 'DRAFT' WHERE id = " + othersDraftId);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : closing) c.close();
        pool.close();
    }

    Stream<Arguments> apis() throws Exception {
        KeyRing keys = KeyRing.parse("dev:" + db.plan().secrets().keyBase64());
        Api plain = Api.create(pool, Api.defaultConfig().withKeyRing(keys));
        Api cached = Api.create(pool, Api.defaultConfig().withKeyRing(keys),
                new CacheConfig(TestRedis.url(), null, "r" + UUID.randomUUID().toString().substring(0, 8), Duration.ofMillis(250), Map.of(), false));
        List<Arguments> out = new ArrayList<>();
        for (Api api : List.of(plain, cached)) {
            GraphQLHttpServer server = GraphQLHttpServer.start(api, new JwtAuthenticator(Tokens.SECRET, null, Tokens.ISSUER, null), "127.0.0.1", 0, 4);
            closing.add(server);
            closing.add(api);
            out.add(Arguments.of(api == plain ? "without cache" : "with the Redis cache", new GraphQLClient(server.port())));
        }
        return out.stream();
    }

    List<String> sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }

    void update(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** Every post id a response holds, wherever it sits. */
    static List<String> postIds(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            if (node.has("status") && node.has("id")) out.add(node.get("id").asText());
            node.fields().forEachRemaining(e -> out.addAll(postIds(e.getValue())));
        } else if (node.isArray()) {
            for (JsonNode e : node) out.addAll(postIds(e));
        }
        return out;
    }

    static final List<String> PATHS = List.of(
            "{ posts(first: 100, where: {id: {in: [%DRAFT%, %OTHERS%]}}) { edges { node { id status } } } }",
            "{ post(id: %DRAFT%) { id status } }",
            "{ post(slug: \"%SLUG%\") { id status } }",
            "{ user(id: \"%AUTHOR%\") { posts { id status } } }",
            "{ user(id: \"%AUTHOR%\") { posts(first: 50, orderBy: [{id: asc}]) { id status } } }",
            "{ users(first: 100, where: {id: {in: [\"%AUTHOR%\"]}}) { edges { node { posts { id status } edited { id status } } } } }",
            "{ tags(first: 100) { edges { node { posts { id status } } } } }",
            "{ comments(first: 100, where: {postId: {equals: %DRAFT%}}) { edges { node { post { id status } } } } }");

    String path(String template) {
        return template.replace("%DRAFT%", draftId).replace("%OTHERS%", othersDraftId).replace("%SLUG%", draftSlug).replace("%AUTHOR%", author);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void theRowRuleHoldsOnEveryReadPath(String label, GraphQLClient client) throws Exception {
        String reader = Tokens.hs256(UUID.randomUUID().toString(), "posts:read users:read");
        String owner = Tokens.hs256(author, "posts:read users:read");
        String reviewer = Tokens.hs256("reviewer", "posts:read users:read posts:review");
        for (String template : PATHS) {
            String q = path(template);
            for (int round = 0; round < 2; round++) { // the second round may come from the cache
                List<String> seenByReader = postIds(client.post(reader, q).data());
                assertFalse(seenByReader.contains(draftId) || seenByReader.contains(othersDraftId), label + ": a reader saw a draft through " + q);
                List<String> seenByOwner = postIds(client.post(owner, q).data());
                assertFalse(seenByOwner.contains(othersDraftId), label + ": an author saw someone else's draft through " + q);
                if (q.contains(draftId) || q.contains(draftSlug) || q.contains(author)) {
                    assertTrue(seenByOwner.contains(draftId), label + ": the author sees their own draft through " + q + ": " + seenByOwner);
                }
                // the control: every path does reach the draft, for a principal the rule lets see it
                List<String> seenByReviewer = postIds(client.post(reviewer, q).data());
                assertTrue(seenByReviewer.contains(draftId), label + ": reviewers see every post through " + q + ": " + seenByReviewer);
            }
        }
        // the draft's comment: its post is hidden from the reader (a required relation: an error, never the draft)
        Response comment = client.post(reader, path(PATHS.get(PATHS.size() - 1)));
        assertFalse(postIds(comment.data()).contains(draftId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void writesCannotReachOrCreateRowsTheRuleHides(String label, GraphQLClient client) throws Exception {
        String writer = Tokens.hs256(author, "posts:read posts:write users:read");
        Response others = client.post(writer, "mutation { updatePost(id: " + othersDraftId + ", data: {title: \"mine now\"}) { id title } }");
        assertEquals("NOT_FOUND", others.firstCode(), label + ": " + others.body());
        assertEquals("NOT_FOUND", client.post(writer, "mutation { deletePost(id: " + othersDraftId + ") { id } }").firstCode());
        assertEquals(1, sql("SELECT id FROM \"Post\" WHERE id = " + othersDraftId + " AND title <> 'mine now'").size(), "untouched");
        Response own = client.post(writer, "mutation { updatePost(id: " + draftId + ", data: {title: \"still mine " + label + "\"}) { id title } }");
        assertEquals(0, own.errors().size(), own.body().toString());
        String other = sql("SELECT id FROM users WHERE id <> '" + author + "' ORDER BY id LIMIT 1").get(0);
        String slug = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        Response ghost = client.post(writer, "mutation { createPost(data: {slug: \"" + slug + "\", title: \"t\", body: \"b\", status: DRAFT, authorId: \"" + other
                + "\"}) { id } }");
        assertEquals("FORBIDDEN", ghost.firstCode(), "a draft for someone else would be hidden from its writer: " + ghost.body());
        assertEquals(0, sql("SELECT id FROM \"Post\" WHERE slug = '" + slug + "'").size(), "rolled back");
        Response mine = client.post(writer, "mutation { createPost(data: {slug: \"" + slug + "\", title: \"t\", body: \"b\", status: DRAFT, authorId: \"" + author
                + "\"}) { id status } }");
        assertEquals("DRAFT", mine.data().path("createPost").path("status").asText(), mine.body().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void aFieldScopeGuardsWritesAsWellAsReads(String label, GraphQLClient client) throws Exception {
        String noContact = Tokens.hs256("writer", "users:read users:write");
        Response r = client.post(noContact, "mutation { updateUser(id: \"" + author + "\", data: {phone: \"+1 555 0100\"}) { id } }");
        assertEquals("FORBIDDEN", r.firstCode(), label + ": " + r.body());
        Response create = client.post(noContact, "mutation { createUser(data: {email: \"p-" + UUID.randomUUID() + "@example.com\", passwordHash: \"x\", phone: \"1\"}) { id } }");
        assertEquals("FORBIDDEN", create.firstCode());
        assertEquals(0, client.post(Tokens.hs256("writer", "users:read users:write users:contact"),
                "mutation { updateUser(id: \"" + author + "\", data: {phone: \"+1 555 0100\"}) { id } }").errors().size());
    }
}
