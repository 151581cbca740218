package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The blog's generated GraphQL API, run as it is: the committed changelog migrates an embedded PostgreSQL, the seed
 * data is loaded, the generated HTTP endpoint starts, and every test sends real HTTP requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlogApiTest {
    static final String ALL = "users:read users:write users:contact posts:read posts:write posts:review";
    String admin;
    BlogDatabase.Seeded db;
    HikariDataSource pool;
    CountingDataSource counting;
    Api api;
    GraphQLHttpServer server;
    GraphQLClient client;

    @BeforeAll
    void start() throws Exception {
        db = BlogDatabase.create("blog_api", 7);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(db.jdbcUrl());
        hc.setMaximumPoolSize(8);
        pool = new HikariDataSource(hc);
        counting = new CountingDataSource(pool);
        KeyRing keys = KeyRing.parse("dev:" + db.plan().secrets().keyBase64());
        api = Api.create(counting.dataSource(), Api.defaultConfig().withKeyRing(keys));
        server = GraphQLHttpServer.start(api, new JwtAuthenticator(Tokens.SECRET, Tokens.publicKeyPem(), Tokens.ISSUER, null), "127.0.0.1", 0, 8);
        client = new GraphQLClient(server.port());
        admin = Tokens.hs256("admin", ALL);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (pool != null) pool.close();
    }

    List<String> sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }

    static List<String> texts(JsonNode edges, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : edges) out.add(e.path("node").path(field).asText(null));
        return out;
    }

    @Test
    @Order(1)
    void listsWithFilterOrderAndCursorPaginationBothWays() throws Exception {
        String q = "query($after: String, $before: String, $first: Int, $last: Int) { users(where: {role: {in: [READER, AUTHOR]}}, "
                + "orderBy: [{email: desc}], first: $first, after: $after, last: $last, before: $before) {"
                + " totalCount edges { cursor node { email role } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
        List<String> expected = sql("SELECT email FROM users WHERE role IN ('READER', 'AUTHOR') ORDER BY email DESC");
        assertTrue(expected.size() > 14, "the seed has enough users: " + expected.size());
        Response p1 = client.post(admin, q, Map.of("first", 7));
        assertEquals(0, p1.errors().size(), p1.body().toString());
        JsonNode c1 = p1.data().path("users");
        assertEquals(expected.size(), c1.path("totalCount").asInt());
        assertEquals(expected.subList(0, 7), texts(c1.path("edges"), "email"));
        assertTrue(c1.path("pageInfo").path("hasNextPage").asBoolean());
        Map<String, Object> next = new java.util.HashMap<>();
        next.put("first", 7);
        next.put("after", c1.path("pageInfo").path("endCursor").asText());
        JsonNode c2 = client.post(admin, q, next).data().path("users");
        assertEquals(expected.subList(7, 14), texts(c2.path("edges"), "email"));
        assertTrue(c2.path("pageInfo").path("hasPreviousPage").asBoolean());
        Map<String, Object> back = new java.util.HashMap<>();
        back.put("last", 7);
        back.put("before", c2.path("pageInfo").path("startCursor").asText());
        JsonNode c0 = client.post(admin, q, back).data().path("users");
        assertEquals(expected.subList(0, 7), texts(c0.path("edges"), "email"), "paging backward returns the first page again");
        assertFalse(c0.path("pageInfo").path("hasPreviousPage").asBoolean());

        Response insensitive = client.post(admin, "{ users(where: {email: {contains: \"E\", mode: insensitive}}, first: 100) { totalCount } }");
        assertEquals(Integer.parseInt(sql("SELECT count(*) FROM users WHERE email ILIKE '%e%'").get(0)), insensitive.data().path("users").path("totalCount").asInt());
    }

    @Test
    @Order(2)
    void cursorPaginationOverANullableColumnVisitsEveryRowOnce() throws Exception {
        List<String> expected = sql("SELECT p.id::text FROM \"Post\" p ORDER BY p.\"publishedAt\" DESC NULLS FIRST, p.id");
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 50; guard++) {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("after", after);
            JsonNode page = client.post(admin, "query($after: String) { posts(orderBy: [{publishedAt: desc}], first: 30, after: $after) "
                    + "{ edges { node { id } } pageInfo { hasNextPage endCursor } } }", vars).data().path("posts");
            seen.addAll(texts(page.path("edges"), "id"));
            if (!page.path("pageInfo").path("hasNextPage").asBoolean()) break;
            after = page.path("pageInfo").path("endCursor").asText();
        }
        assertEquals(expected, seen);
    }

    @Test
    @Order(3)
    void getsByKeyOrUniqueField() throws Exception {
        String id = sql("SELECT id FROM users ORDER BY email LIMIT 1").get(0);
        String email = sql("SELECT email FROM users ORDER BY email LIMIT 1").get(0);
        assertEquals(email, client.post(admin, "{ user(id: \"" + id + "\") { email } }").data().path("user").path("email").asText());
        assertEquals(id, client.post(admin, "{ user(email: \"" + email + "\") { id } }").data().path("user").path("id").asText());
        assertTrue(client.post(admin, "{ user(id: \"00000000-0000-0000-0000-000000000000\") { id } }").data().path("user").isNull());
        Response neither = client.post(admin, "{ user { id } }");
        assertEquals("BAD_USER_INPUT", neither.firstCode());
        Response both = client.post(admin, "{ user(id: \"" + id + "\", email: \"" + email + "\") { id } }");
        assertEquals("BAD_USER_INPUT", both.firstCode());
    }

    @Test
    @Order(4)
    void resolvesNestedRelationsThreeLevelsDeep() throws Exception {
        Response r = client.post(admin, "{ posts(first: 20, orderBy: [{id: asc}]) { edges { node { id author { id email posts { id tags { name } } } "
                + "tags { name posts { id } } comments { text author { email } replies { id } } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        int checked = 0;
        for (JsonNode e : r.data().path("posts").path("edges")) {
            JsonNode post = e.path("node");
            String authorId = post.path("author").path("id").asText();
            assertEquals(sql("SELECT \"authorId\" FROM \"Post\" WHERE id = " + post.path("id").asInt()).get(0), authorId);
            Set<String> posts = new TreeSet<>();
            for (JsonNode p : post.path("author").path("posts")) posts.add(p.path("id").asText());
            assertEquals(new TreeSet<>(sql("SELECT id::text FROM \"Post\" WHERE \"authorId\" = '" + authorId + "'")), posts);
            Set<String> tags = new TreeSet<>();
            for (JsonNode t : post.path("tags")) tags.add(t.path("name").asText());
            assertEquals(new TreeSet<>(sql("SELECT t.name FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = " + post.path("id").asInt())), tags);
            assertEquals(Integer.parseInt(sql("SELECT count(*) FROM \"Comment\" WHERE \"postId\" = " + post.path("id").asInt()).get(0)), post.path("comments").size());
            checked++;
        }
        assertEquals(20, checked);
    }

    @Test
    @Order(5)
    void nestedQueriesCostOneStatementPerRelationWhateverTheNumberOfParents() throws Exception {
        String q = "query($n: Int) { posts(first: $n, orderBy: [{id: asc}]) { edges { node { id author { email } tags { name } comments { text author { email } } } } } }";
        long before = counting.statements();
        Response hundred = client.post(admin, q, Map.of("n", 100));
        long forHundred = counting.statements() - before;
        assertEquals(100, hundred.data().path("posts").path("edges").size(), hundred.body().toString());
        before = counting.statements();
        Response all = client.post(admin, q, Map.of("n", 100));
        assertEquals(0, all.errors().size(), all.body().toString());
        long again = counting.statements() - before;
        // the posts page, then per level one batch per loader: level 2 loads users by id (Post.author), tags and
        // comments; level 3 loads users by id again (Comment.author): five statements
        assertEquals(5, forHundred, "statements for 100 parents");
        before = counting.statements();
        Response two = client.post(admin, "{ posts(first: 2, orderBy: [{id: asc}]) { edges { node { author { email } tags { name } } } } }");
        assertEquals(2, two.data().path("posts").path("edges").size());
        assertEquals(3, counting.statements() - before, "2 parents: the page, Post.author, Post.tags");
        assertEquals(forHundred, again, "each request gets its own DataLoader cache");
        before = counting.statements();
        Response shared = client.post(admin, "{ posts(first: 100) { edges { node { author { email } editor { email } } } } }");
        assertEquals(0, shared.errors().size(), shared.body().toString());
        assertEquals(2, counting.statements() - before, "author and editor are both users by id: one batch for the level");
    }

    @Test
    @Order(5)
    void relationListsTakeFirstAndOrderByPerParentInOneStatement() throws Exception {
        long before = counting.statements();
        Response r = client.post(admin, "{ users(first: 20, orderBy: [{email: asc}]) { edges { node { id posts(first: 2, orderBy: [{id: desc}]) { id } "
                + "all: posts { id } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(3, counting.statements() - before, "the page, the limited posts, all posts: one statement each");
        for (JsonNode e : r.data().path("users").path("edges")) {
            String id = e.path("node").path("id").asText();
            List<String> top = sql("SELECT p.id::text FROM \"Post\" p WHERE p.\"authorId\" = '" + id + "' ORDER BY p.id DESC LIMIT 2");
            assertEquals(top, values(e.path("node").path("posts"), "id"), "per user, the two newest posts");
            assertEquals(Integer.parseInt(sql("SELECT count(*) FROM \"Post\" WHERE \"authorId\" = '" + id + "'").get(0)), e.path("node").path("all").size());
        }
        assertEquals("BAD_USER_INPUT", client.post(admin, "{ users(first: 1) { edges { node { posts(first: 1000) { id } } } } }").firstCode());
    }

    static List<String> values(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) out.add(n.path(field).asText(null));
        return out;
    }

    @Test
    @Order(6)
    void createsUpdatesAndDeletesInTransactionsWithSecretsHandled() throws Exception {
        String create = "mutation { createUser(data: {email: \"new.person@example.com\", name: \"New\", passwordHash: \"correct horse battery\", "
                + "phone: \"+1 555 0100\", role: AUTHOR}) { id email name phone role karma createdAt updatedAt } }";
        Response created = client.post(admin, create);
        assertEquals(0, created.errors().size(), created.body().toString());
        JsonNode user = created.data().path("createUser");
        String id = user.path("id").asText();
        assertEquals("+1 555 0100", user.path("phone").asText(), "decrypted on read");
        assertEquals("AUTHOR", user.path("role").asText());
        assertEquals(0, user.path("karma").asInt(), "database default");
        String storedHash = sql("SELECT password_hash FROM users WHERE id = '" + id + "'").get(0);
        assertTrue(storedHash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), storedHash);
        assertTrue(sql("SELECT phone FROM users WHERE id = '" + id + "'").get(0).startsWith("dbtool:v1:dev:"), "encrypted at rest");
        try (Connection c = pool.getConnection()) {
            assertTrue(api.userRepository().verifyPasswordHash(c, id, "correct horse battery"));
            assertFalse(api.userRepository().verifyPasswordHash(c, id, "wrong"));
        }
        Instant createdAt = Instant.parse(user.path("updatedAt").asText());
        Thread.sleep(5);
        Response updated = client.post(admin, "mutation { updateUser(id: \"" + id + "\", data: {name: null, karma: 5}) { name karma updatedAt email } }");
        JsonNode u = updated.data().path("updateUser");
        assertTrue(u.path("name").isNull(), "explicit null clears the column");
        assertEquals(5, u.path("karma").asInt());
        assertEquals("new.person@example.com", u.path("email").asText(), "fields left out stay");
        assertTrue(Instant.parse(u.path("updatedAt").asText()).isAfter(createdAt), "@updatedAt moves");
        Response deleted = client.post(admin, "mutation { deleteUser(id: \"" + id + "\") { email } }");
        assertEquals("new.person@example.com", deleted.data().path("deleteUser").path("email").asText());
        assertEquals("NOT_FOUND", client.post(admin, "mutation { deleteUser(id: \"" + id + "\") { email } }").firstCode());
        assertEquals("NOT_FOUND", client.post(admin, "mutation { updateUser(id: \"" + id + "\", data: {karma: 1}) { email } }").firstCode());

        String author = sql("SELECT id FROM users ORDER BY email LIMIT 1").get(0);
        Response post = client.post(admin, "mutation { createPost(data: {slug: \"fresh-post\", title: \"Fresh\", body: \"Text\", authorId: \"" + author
                + "\", keywords: [\"a\", \"b\"], metadata: {views: 1, tags: [\"x\"]}, price: \"12.50\"}) { id status keywords metadata price author { id } } }");
        assertEquals(0, post.errors().size(), post.body().toString());
        JsonNode p = post.data().path("createPost");
        assertEquals("DRAFT", p.path("status").asText());
        assertEquals("12.50", p.path("price").asText());
        assertEquals(1, p.path("metadata").path("views").asInt());
        assertEquals(2, p.path("keywords").size());
        assertEquals(author, p.path("author").path("id").asText());
    }

    @Test
    @Order(6)
    void encryptedBytesRoundTripAndOneToOneRelationsResolve() throws Exception {
        String user = sql("SELECT u.id FROM users u WHERE NOT EXISTS (SELECT 1 FROM \"Profile\" p WHERE p.\"userId\" = u.id) LIMIT 1").get(0);
        byte[] avatar = {0, 1, 2, (byte) 0xff, 42};
        String b64 = java.util.Base64.getEncoder().encodeToString(avatar);
        Response r = client.post(admin, "mutation { createProfile(data: {userId: \"" + user + "\", avatar: \"" + b64 + "\", website: \"https://example.com/me\"}) "
                + "{ id avatar user { id profile { website } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(b64, r.data().path("createProfile").path("avatar").asText());
        assertEquals(user, r.data().path("createProfile").path("user").path("id").asText());
        assertEquals("https://example.com/me", r.data().path("createProfile").path("user").path("profile").path("website").asText());
        String stored = sql("SELECT convert_from(avatar, 'UTF8') FROM \"Profile\" WHERE \"userId\" = '" + user + "'").get(0);
        assertTrue(stored.startsWith("dbtool:v1:dev:"), stored);
        Response seeded = client.post(admin, "{ profiles(first: 50, where: {website: {not: null}}) { edges { node { avatar } } } }");
        assertEquals(0, seeded.errors().size(), seeded.body().toString());
        Response bad = client.post(admin, "mutation { createProfile(data: {userId: \"" + user + "\", website: \"ftp:/nope\"}) { id } }");
        assertEquals("BAD_USER_INPUT", bad.firstCode());
        Response twice = client.post(admin, "mutation { createProfile(data: {userId: \"" + user + "\"}) { id } }");
        assertEquals("CONFLICT", twice.firstCode(), "one profile per user");
        assertEquals("[\"userId\"]", twice.errors().path(0).path("extensions").path("fields").toString());
    }

    @Test
    @Order(7)
    void validationErrorsNameEveryBadFieldAndWriteNothing() throws Exception {
        String before = sql("SELECT count(*) FROM users").get(0);
        Response r = client.post(admin, "mutation { createUser(data: {email: \"not-an-email\", name: \"\", passwordHash: \"x\", karma: -1}) { id } }");
        assertEquals(3, r.errors().size(), r.body().toString());
        Set<String> fields = new TreeSet<>();
        for (JsonNode e : r.errors()) {
            assertEquals("BAD_USER_INPUT", e.path("extensions").path("code").asText());
            fields.add(e.path("extensions").path("field").toString());
        }
        assertEquals(Set.of("[\"data\",\"email\"]", "[\"data\",\"karma\"]", "[\"data\",\"name\"]"), fields);
        assertEquals(before, sql("SELECT count(*) FROM users").get(0));
        String author = sql("SELECT id FROM users LIMIT 1").get(0);
        Response slug = client.post(admin, "mutation { createPost(data: {slug: \"Not A Slug\", title: \"t\", body: \"b\", authorId: \"" + author + "\"}) { id } }");
        assertEquals("BAD_USER_INPUT", slug.firstCode());
        assertEquals("[\"data\",\"slug\"]", slug.errors().path(0).path("extensions").path("field").toString());
        Response missingAuthor = client.post(admin, "mutation { createPost(data: {slug: \"orphan\", title: \"t\", body: \"b\", authorId: \"00000000-0000-0000-0000-000000000001\"}) { id } }");
        assertEquals("BAD_USER_INPUT", missingAuthor.firstCode(), missingAuthor.body().toString());
    }

    @Test
    @Order(8)
    void uniqueViolationsAreConflicts() throws Exception {
        String taken = sql("SELECT email FROM users LIMIT 1").get(0);
        Response r = client.post(admin, "mutation { createUser(data: {email: \"" + taken + "\", passwordHash: \"secret\"}) { id } }");
        assertEquals("CONFLICT", r.firstCode(), r.body().toString());
        assertEquals("[\"email\"]", r.errors().path(0).path("extensions").path("fields").toString());
    }

    @Test
    @Order(5)
    void relationsAndRootListsReadOnlyTheColumnsAQueryAsksFor() throws Exception {
        int before = counting.prepared().size();
        Response r = client.post(admin, "{ users(first: 5, orderBy: [{email: asc}]) { edges { node { email posts(first: 3, orderBy: [{id: asc}]) { title author { name } } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        List<String> sql = counting.prepared().subList(before, counting.prepared().size());
        assertEquals(3, sql.size(), sql.toString());
        String users = sql.get(0);
        String posts = sql.get(1);
        String authors = sql.get(2);
        assertTrue(users.contains("\"email\"") && users.contains("NULL::TEXT") && !users.contains("\"phone\","), "users: email and the key, not the phone: " + users);
        assertTrue(posts.contains("\"title\"") && posts.contains("\"authorId\"") && !posts.contains("\"body\""), "posts: title and what author needs: " + posts);
        assertTrue(authors.contains("\"name\"") && !authors.contains("\"email\""), "authors: name only: " + authors);
        // and the values are the database's
        for (JsonNode e : r.data().path("users").path("edges")) {
            String email = e.path("node").path("email").asText();
            List<String> titles = sql("SELECT p.title FROM \"Post\" p JOIN users u ON u.id = p.\"authorId\" WHERE u.email = '" + email + "' ORDER BY p.id LIMIT 3");
            List<String> got = new ArrayList<>();
            for (JsonNode p : e.path("node").path("posts")) got.add(p.path("title").asText());
            assertEquals(titles, got, email);
            for (JsonNode p : e.path("node").path("posts")) {
                assertEquals(sql("SELECT coalesce(name, '<null>') FROM users WHERE email = '" + email + "'").get(0), p.path("author").path("name").isNull() ? "<null>"
                        : p.path("author").path("name").asText());
            }
        }
    }

    @Test
    @Order(9)
    void rejectsTooDeepAndTooComplexQueriesBeforeRunningThem() throws Exception {
        long before = counting.statements();
        Response deep = client.post(admin, "{ posts { edges { node { author { posts { author { posts { author { posts { author { posts { id } } } } } } } } } } } }");
        assertEquals("QUERY_TOO_DEEP", deep.firstCode(), deep.body().toString());
        Response complex = client.post(admin, "{ users(first: 100) { edges { node { posts { comments { replies { author { email } } } } } } } }");
        assertEquals("QUERY_TOO_COMPLEX", complex.firstCode(), complex.body().toString());
        assertEquals(before, counting.statements(), "nothing ran");
        String allowed = "{ users(first: 2) { edges { node { posts { comments { replies { author { email } } } } } } } }";
        assertEquals(0, client.post(admin, allowed).errors().size(), "within the limit");
        for (int i = 0; i < 3; i++) {
            Response again = client.post(admin, "{ users(first: 100) { edges { node { posts { comments { replies { author { email } } } } } } } }");
            assertEquals("QUERY_TOO_COMPLEX", again.firstCode(), "still refused when the parsed query comes from the cache");
            assertEquals("QUERY_TOO_DEEP", client.post(admin, "{ posts { edges { node { author { posts { author { posts { author { posts { author { posts { id } } } } } } } } } } } }").firstCode());
        }
    }

    @Test
    @Order(10)
    void acceptsValidTokensAndRejectsExpiredForgedAndUnsignedOnes() throws Exception {
        String q = "{ users(first: 1) { edges { node { id } } } }";
        assertEquals(200, client.post(Tokens.hs256("a", "users:read"), q).status());
        assertEquals(1, client.post(Tokens.rs256("a", "users:read", true), q).data().path("users").path("edges").size());
        Response expired = client.post(Tokens.hs256("a", "users:read", Instant.now().minusSeconds(3600), Tokens.SECRET), q);
        assertEquals(401, expired.status());
        assertEquals("UNAUTHENTICATED", expired.firstCode());
        assertTrue(expired.errors().path(0).path("message").asText().contains("expired"));
        assertEquals(401, client.post(Tokens.hs256("a", "users:read", Instant.now().plusSeconds(60), "another-secret-of-at-least-32-bytes!!"), q).status());
        assertEquals(401, client.post(Tokens.rs256("a", "users:read", false), q).status());
        assertEquals(401, client.post(Tokens.unsigned("a", ALL), q).status());
        assertEquals(401, client.post("not-a-jwt", q).status());
    }

    @Test
    @Order(11)
    void enforcesTypeFieldAndMutationScopes() throws Exception {
        Response anonymous = client.post(null, "{ users(first: 1) { edges { node { id } } } }");
        assertEquals("UNAUTHENTICATED", anonymous.firstCode());
        assertTrue(anonymous.data().isNull() || anonymous.data().path("users").isNull(), anonymous.body().toString());
        String postsOnly = Tokens.hs256("reader", "posts:read");
        assertEquals("FORBIDDEN", client.post(postsOnly, "{ users(first: 1) { edges { node { id } } } }").firstCode());
        Response nested = client.post(postsOnly, "{ posts(first: 2) { edges { node { id author { email } } } } }");
        assertEquals(2, nested.data().path("posts").path("edges").size(), "the posts themselves are readable");
        assertEquals("FORBIDDEN", nested.firstCode(), "the authors need users:read");
        assertEquals("FORBIDDEN", client.post(postsOnly, "mutation { deletePost(id: 1) { id } }").firstCode());
        String noContact = Tokens.hs256("reader", "users:read");
        Response phone = client.post(noContact, "{ users(first: 1, where: {phone: {equals: \"x\"}}) { edges { node { id } } } }");
        assertEquals("GRAPHQL_VALIDATION_FAILED", phone.firstCode(), "encrypted fields cannot be filtered on");
        Response hidden = client.post(noContact, "{ users(first: 3) { edges { node { id phone } } } }");
        assertEquals("FORBIDDEN", hidden.firstCode());
        for (JsonNode e : hidden.data().path("users").path("edges")) assertTrue(e.path("node").path("phone").isNull());
        Response shown = client.post(admin, "{ users(first: 50) { edges { node { phone } } } }");
        assertEquals(0, shown.errors().size(), shown.body().toString());
        int phones = 0;
        for (JsonNode e : shown.data().path("users").path("edges")) {
            if (e.path("node").path("phone").isNull()) continue;
            assertFalse(e.path("node").path("phone").asText().startsWith("dbtool:"), "seeded ciphertexts decrypt with the dev key");
            phones++;
        }
        assertTrue(phones > 0);
    }

    @Test
    @Order(12)
    void getRunsQueriesButNeverMutations() throws Exception {
        assertEquals(1, client.get(admin, "{ posts(first: 1) { edges { node { id } } } }").data().path("posts").path("edges").size());
        assertEquals(405, client.get(admin, "mutation { deletePost(id: 1) { id } }").status());
    }

    @Test
    @Order(13)
    void introspectionShowsNoInternalOrHashedField() throws Exception {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        for (String type : List.of("User", "Post", "Comment", "Profile")) types.put(type, introspect(type, "fields"));
        for (String type : List.of("UserCreateInput", "UserUpdateInput", "UserWhereInput", "UserOrderByInput", "PostCreateInput", "PostUpdateInput",
                "PostWhereInput")) types.put(type, introspect(type, "inputFields"));
        assertFalse(types.get("User").contains("\"passwordHash\""), "hashed fields are write-only");
        assertTrue(types.get("UserCreateInput").contains("\"passwordHash\""), "hashed fields take plain text on write");
        for (Map.Entry<String, String> e : types.entrySet()) {
            assertTrue(e.getValue().length() > 20, e.getKey() + " exists: " + e.getValue());
            assertFalse(e.getValue().contains("loginCount"), "@internal in " + e.getKey());
            assertFalse(e.getValue().contains("reviewNotes"), "@internal in " + e.getKey());
        }
        assertFalse(types.get("UserWhereInput").contains("passwordHash"));
        assertFalse(types.get("UserOrderByInput").contains("passwordHash"));
        assertFalse(types.get("UserWhereInput").contains("phone"), "encrypted fields are not filterable");
    }

    private String introspect(String type, String what) throws Exception {
        Response r = client.post(null, "{ __type(name: \"" + type + "\") { " + what + " { name } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        return r.data().path("__type").path(what).toString();
    }

    @Test
    @Order(100)
    void noResponseEverCarriedSecretsSqlOrStackTraces() {
        String all = client.transcript();
        assertTrue(all.length() > 10_000, "the other tests ran first");
        for (String leak : List.of("$argon2id", "dbtool:v1:", "loginCount", "reviewNotes", "SQLException", "PSQLException", "violates", "org.postgresql",
                "\tat ", "Exception while fetching", "_fkey", "_key\"")) {
            assertFalse(all.contains(leak), "a response contained " + leak);
        }
        assertNotNull(api.graphQL());
    }
}
