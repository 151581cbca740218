package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import com.example.blog.generated.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtool.examples.blog.GraphQLClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Nested writes on the blog over HTTP (Prisma's shapes): create with nested create/connect/connectOrCreate through
 * every kind of relation (to-one owner, one-to-many, one-to-one back, implicit many-to-many), three levels deep;
 * update with set/disconnect/delete/update; each checked against the rows SQL returns. A failure anywhere rolls the
 * whole mutation back; validation reports every nested problem at once with its path, before any SQL; scopes and row
 * rules hold for every related row; the cache sees the nested writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedWritesTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_nested_writes", 43);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
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

    int count(String query) throws Exception { return Integer.parseInt(fx.sql(query)); }

    @Test
    void createConnectsAndCreatesThroughEveryKindOfRelation() throws Exception {
        String email = fx.sql("SELECT email FROM users ORDER BY email LIMIT 1");
        String existingTag = fx.sql("SELECT name FROM \"Tag\" ORDER BY name LIMIT 1");
        int tags = count("SELECT count(*) FROM \"Tag\"");
        Response r = ok(admin, "mutation { createPost(data: {slug: \"nested-1\", title: \"Nested\", body: \"b\", status: PUBLISHED,"
                + " author: {connect: {email: \"" + email + "\"}},"
                + " tags: {connectOrCreate: [{where: {name: \"" + existingTag + "\"}, create: {name: \"" + existingTag + "\"}},"
                + "                          {where: {name: \"nested-new\"}, create: {name: \"nested-new\"}}], create: [{name: \"nested-created\"}]},"
                + " comments: {create: [{text: \"first!\", author: {connect: {email: \"" + email + "\"}}}]}}) { id author { email } tags { name } comments { text } } }");
        JsonNode post = r.data().path("createPost");
        assertEquals(email, post.path("author").path("email").asText());
        assertEquals(fx.sql("SELECT id::text FROM users WHERE email = '" + email + "'"), fx.sql("SELECT \"authorId\"::text FROM \"Post\" WHERE slug = 'nested-1'"));
        assertEquals(List.of(existingTag, "nested-created", "nested-new").stream().sorted().toList(),
                fx.rows("SELECT t.name FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = " + post.path("id").asInt() + " ORDER BY t.name"));
        assertEquals(tags + 2, count("SELECT count(*) FROM \"Tag\""), "the existing tag was connected, not created again");
        assertEquals("first!", fx.sql("SELECT text FROM \"Comment\" WHERE \"postId\" = " + post.path("id").asInt()));
        assertEquals(1, post.path("comments").size());
    }

    @Test
    void createGoesThreeLevelsDeepAndFillsTheForeignKeys() throws Exception {
        String tag = fx.sql("SELECT name FROM \"Tag\" ORDER BY name DESC LIMIT 1");
        Response r = ok(admin, "mutation { createUser(data: {email: \"deep@example.com\", passwordHash: \"pw-123456\","
                + " profile: {create: {bio: \"hello\"}},"
                + " posts: {create: [{slug: \"deep-1\", title: \"One\", body: \"b\", tags: {connect: [{name: \"" + tag + "\"}]},"
                + "                    comments: {create: [{text: \"mine\", author: {connect: {email: \"deep@example.com\"}}}]}},"
                + "                   {slug: \"deep-2\", title: \"Two\", body: \"b\"}]}}) { id posts { slug } profile { bio } } }");
        String id = r.data().path("createUser").path("id").asText();
        assertEquals(List.of("deep-1", "deep-2"), fx.rows("SELECT slug FROM \"Post\" WHERE \"authorId\" = '" + id + "' ORDER BY slug"));
        assertEquals("hello", fx.sql("SELECT bio FROM \"Profile\" WHERE \"userId\" = '" + id + "'"));
        assertEquals(tag, fx.sql("SELECT t.name FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" JOIN \"Post\" p ON p.id = j.\"A\" WHERE p.slug = 'deep-1'"));
        assertEquals(id, fx.sql("SELECT c.\"authorId\"::text FROM \"Comment\" c JOIN \"Post\" p ON p.id = c.\"postId\" WHERE p.slug = 'deep-1'"),
                "the comment's author was connected by the email of the user created two levels up");
    }

    @Test
    void everyNestedProblemIsReportedAtOnceBeforeAnySql() throws Exception {
        int users = count("SELECT count(*) FROM users");
        long before = fx.counting.statements();
        Response r = client.post(admin, "mutation { createUser(data: {email: \"not-an-email\", passwordHash: \"pw\","
                + " profile: {create: {website: \"nope\"}},"
                + " posts: {create: [{slug: \"ok-slug\", title: \"t\", body: \"b\"}, {slug: \"Bad Slug\", title: \"t\", body: \"b\", comments: {create: [{text: \"\"}]}}]}}) { id } }");
        assertEquals("BAD_USER_INPUT", r.firstCode(), r.body().toString());
        assertEquals(0, fx.counting.statements() - before, "nothing reached the database");
        List<String> paths = new ArrayList<>();
        for (JsonNode e : r.errors()) {
            for (JsonNode p : e.path("extensions").path("problems")) paths.add(p.path("path").toString());
        }
        String all = r.body().toString();
        assertTrue(all.contains("[\"data\",\"email\"]"), all);
        assertTrue(all.contains("[\"data\",\"profile\",\"create\",\"website\"]"), all);
        assertTrue(all.contains("[\"data\",\"posts\",\"create\",1,\"slug\"]"), all);
        assertTrue(all.contains("[\"data\",\"posts\",\"create\",1,\"comments\",\"create\",0,\"text\"]"), all);
        assertTrue(all.contains("[\"data\",\"posts\",\"create\",1,\"comments\",\"create\",0,\"authorId\"]"), "a nested comment still needs its author: " + all);
        assertTrue(!all.contains("\"userId\"") && !all.contains("[\"data\",\"posts\",\"create\",0,\"authorId\"]"), "keys the nesting fills are not missing: " + all);
        assertEquals(users, count("SELECT count(*) FROM users"));
        Response both = client.post(admin, "mutation { createUser(data: {email: \"x@example.com\", passwordHash: \"pw-123456\","
                + " posts: {create: [{slug: \"x-1\", title: \"t\", body: \"b\", authorId: \"" + fx.sql("SELECT id FROM users LIMIT 1") + "\"}]}}) { id } }");
        assertEquals("BAD_USER_INPUT", both.firstCode(), "a key the nesting sets cannot be given too: " + both.body());
    }

    @Test
    void aFailureAnywhereRollsTheWholeMutationBack() throws Exception {
        int tags = count("SELECT count(*) FROM \"Tag\"");
        String email = fx.sql("SELECT email FROM users ORDER BY email LIMIT 1");
        Response r = client.post(admin, "mutation { createPost(data: {slug: \"rolled-back\", title: \"t\", body: \"b\", author: {connect: {email: \"" + email + "\"}},"
                + " tags: {create: [{name: \"rolled-back-tag\"}], connect: [{name: \"no-such-tag\"}]}}) { id } }");
        assertEquals("NOT_FOUND", r.firstCode(), r.body().toString());
        assertTrue(r.body().toString().contains("data.tags.connect.0"), "the error names the nested input: " + r.body());
        assertEquals(0, count("SELECT count(*) FROM \"Post\" WHERE slug = 'rolled-back'"));
        assertEquals(tags, count("SELECT count(*) FROM \"Tag\""), "the tag created before the failure is rolled back too");
        Response unique = client.post(admin, "mutation { createUser(data: {email: \"dup-nested@example.com\", passwordHash: \"pw-123456\","
                + " posts: {create: [{slug: \"dup-nested\", title: \"t\", body: \"b\"}, {slug: \"dup-nested\", title: \"t\", body: \"b\"}]}}) { id } }");
        assertEquals("CONFLICT", unique.firstCode(), unique.body().toString());
        assertEquals(0, count("SELECT count(*) FROM users WHERE email = 'dup-nested@example.com'"), "the user created first is rolled back");
    }

    @Test
    void updateSetsDisconnectsDeletesAndUpdatesRelatedRows() throws Exception {
        int postId = Integer.parseInt(fx.sql("SELECT p.id FROM \"Post\" p WHERE \"editorId\" IS NOT NULL AND EXISTS (SELECT 1 FROM \"Comment\" c WHERE c.\"postId\" = p.id "
                + "GROUP BY c.\"postId\" HAVING count(*) >= 2) ORDER BY id LIMIT 1"));
        List<String> comments = fx.rows("SELECT id FROM \"Comment\" WHERE \"postId\" = " + postId + " AND NOT EXISTS (SELECT 1 FROM \"Comment\" r WHERE r.\"parentId\" = "
                + "\"Comment\".id) ORDER BY id");
        assertTrue(comments.size() >= 1, "a comment without replies to delete");
        List<String> twoTags = fx.rows("SELECT name FROM \"Tag\" ORDER BY name LIMIT 2");
        String keep = fx.sql("SELECT id FROM \"Comment\" WHERE \"postId\" = " + postId + " AND id <> '" + comments.get(0) + "' ORDER BY id LIMIT 1");
        ok(admin, "mutation { updatePost(id: " + postId + ", data: {title: \"Updated nested\", editor: {disconnect: true},"
                + " tags: {set: [{name: \"" + twoTags.get(0) + "\"}], connect: [{name: \"" + twoTags.get(1) + "\"}]},"
                + " comments: {delete: [{id: \"" + comments.get(0) + "\"}], update: [{where: {id: \"" + keep + "\"}, data: {text: \"edited\"}}]}}) { id } }");
        assertEquals("Updated nested", fx.sql("SELECT title FROM \"Post\" WHERE id = " + postId));
        assertEquals(null, fx.sql("SELECT \"editorId\" FROM \"Post\" WHERE id = " + postId));
        assertEquals(twoTags, fx.rows("SELECT t.name FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = " + postId + " ORDER BY t.name"));
        assertEquals(0, count("SELECT count(*) FROM \"Comment\" WHERE id = '" + comments.get(0) + "'"));
        assertEquals("edited", fx.sql("SELECT text FROM \"Comment\" WHERE id = '" + keep + "'"));
        ok(admin, "mutation { updatePost(id: " + postId + ", data: {tags: {disconnect: [{name: \"" + twoTags.get(0) + "\"}]}}) { id } }");
        assertEquals(List.of(twoTags.get(1)), fx.rows("SELECT t.name FROM \"_PostToTag\" j JOIN \"Tag\" t ON t.id = j.\"B\" WHERE j.\"A\" = " + postId));
        Response required = client.post(admin, "mutation { updatePost(id: " + postId + ", data: {author: {disconnect: true}}) { id } }");
        assertEquals("BAD_USER_INPUT", required.firstCode(), "a post cannot lose its required author: " + required.body());
        String other = fx.sql("SELECT id FROM \"Comment\" WHERE \"postId\" <> " + postId + " ORDER BY id LIMIT 1");
        Response notMine = client.post(admin, "mutation { updatePost(id: " + postId + ", data: {comments: {delete: [{id: \"" + other + "\"}]}}) { id } }");
        assertEquals("NOT_FOUND", notMine.firstCode(), "only the post's own comments can be deleted through it: " + notMine.body());
        assertEquals(1, count("SELECT count(*) FROM \"Comment\" WHERE id = '" + other + "'"));
    }

    @Test
    void singleRelationsUpdateTheRowTheyPointAtOrThatPointsAtThem() throws Exception {
        String userId = ok(admin, "mutation { createUser(data: {email: \"single@example.com\", passwordHash: \"pw-123456\", profile: {create: {bio: \"v1\"}}}) { id } }")
                .data().path("createUser").path("id").asText();
        ok(admin, "mutation { updateUser(id: \"" + userId + "\", data: {profile: {update: {bio: \"v2\"}}}) { id } }");
        assertEquals("v2", fx.sql("SELECT bio FROM \"Profile\" WHERE \"userId\" = '" + userId + "'"));
        ok(admin, "mutation { updateUser(id: \"" + userId + "\", data: {profile: {delete: true}}) { id } }");
        assertEquals(0, count("SELECT count(*) FROM \"Profile\" WHERE \"userId\" = '" + userId + "'"));
        int postId = ok(admin, "mutation { createPost(data: {slug: \"single-post\", title: \"t\", body: \"b\", authorId: \"" + userId + "\"}) { id } }")
                .data().path("createPost").path("id").asInt();
        ok(admin, "mutation { updatePost(id: " + postId + ", data: {author: {update: {name: \"Renamed through the post\"}}}) { id } }");
        assertEquals("Renamed through the post", fx.sql("SELECT name FROM users WHERE id = '" + userId + "'"));
        Response missing = client.post(admin, "mutation { updatePost(id: " + postId + ", data: {editor: {update: {name: \"nobody\"}}}) { id } }");
        assertEquals("NOT_FOUND", missing.firstCode(), "the post has no editor to update: " + missing.body());
        // upsert: created when there is none, updated when there is one — on both sides of a one-to-one, and on the owner side
        String upsertProfile = "mutation { updateUser(id: \"" + userId + "\", data: {profile: {upsert: {create: {bio: \"%s\"}, update: {bio: \"%s\"}}}}) { id } }";
        ok(admin, String.format(upsertProfile, "created", "updated"));
        assertEquals("created", fx.sql("SELECT bio FROM \"Profile\" WHERE \"userId\" = '" + userId + "'"));
        ok(admin, String.format(upsertProfile, "created again", "updated"));
        assertEquals("updated", fx.sql("SELECT bio FROM \"Profile\" WHERE \"userId\" = '" + userId + "'"));
        String upsertEditor = "mutation { updatePost(id: " + postId + ", data: {editor: {upsert: {create: {email: \"editor-upsert@example.com\", passwordHash: \"pw-123456\", "
                + "name: \"E1\"}, update: {name: \"E2\"}}}}) { id } }";
        ok(admin, upsertEditor);
        assertEquals("E1", fx.sql("SELECT u.name FROM \"Post\" p JOIN users u ON u.id = p.\"editorId\" WHERE p.id = " + postId));
        ok(admin, upsertEditor);
        assertEquals("E2", fx.sql("SELECT u.name FROM \"Post\" p JOIN users u ON u.id = p.\"editorId\" WHERE p.id = " + postId));
        // a list: the row `where` names among the post's own comments
        String upsertComment = "mutation { updatePost(id: " + postId + ", data: {comments: {upsert: [{where: {id: \"%s\"}, create: {text: \"new\", authorId: \"" + userId
                + "\"}, update: {text: \"changed\"}}]}}) { id } }";
        ok(admin, String.format(upsertComment, "no-such-comment"));
        String created = fx.sql("SELECT id FROM \"Comment\" WHERE \"postId\" = " + postId + " AND text = 'new'");
        ok(admin, String.format(upsertComment, created));
        assertEquals("changed", fx.sql("SELECT text FROM \"Comment\" WHERE id = '" + created + "'"));
        assertEquals(1, count("SELECT count(*) FROM \"Comment\" WHERE \"postId\" = " + postId));
    }

    @Test
    void inputsAreBoundedInDepthAndSize() throws Exception {
        String postId = fx.sql("SELECT id FROM \"Post\" ORDER BY id LIMIT 1");
        String userId = fx.sql("SELECT id FROM users ORDER BY id LIMIT 1");
        String fields = "text: \"r\", postId: " + postId + ", authorId: \"" + userId + "\"";
        String reply = "{" + fields + "}";
        for (int i = 0; i < 9; i++) reply = "{" + fields + ", replies: {create: [" + reply + "]}}";
        Response deep = client.post(admin, "mutation { createComment(data: " + reply + ") { id } }");
        assertEquals("BAD_USER_INPUT", deep.firstCode(), deep.body().toString());
        assertTrue(deep.body().toString().contains("at most 8 levels"), deep.body().toString());
        // the parser's token limit bounds literals; variables reach the nested-write limit
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) many.add(Map.of("name", "t" + i));
        Response wide = client.post(admin, "mutation($tags: [TagWhereUniqueInput!]) { updatePost(id: " + postId + ", data: {tags: {connect: $tags}}) { id } }",
                Map.of("tags", many));
        assertEquals("BAD_USER_INPUT", wide.firstCode(), wide.body().toString());
        assertTrue(wide.body().toString().contains("at most 1000 nested writes"), wide.body().toString());
    }

    @Test
    void relatedRowsNeedTheirScopesAndFollowTheirRowRules() throws Exception {
        String email = fx.sql("SELECT email FROM users ORDER BY email LIMIT 1");
        Response noUsersWrite = client.post(Tokens.hs256("writer", "posts:read posts:write users:read"),
                "mutation { createPost(data: {slug: \"scoped\", title: \"t\", body: \"b\", author: {create: {email: \"new-author@example.com\", passwordHash: \"pw-123456\"}}}) { id } }");
        assertEquals("FORBIDDEN", noUsersWrite.firstCode(), "creating a user needs users:write: " + noUsersWrite.body());
        Response noUsersRead = client.post(Tokens.hs256("writer", "posts:read posts:write"),
                "mutation { createPost(data: {slug: \"scoped\", title: \"t\", body: \"b\", author: {connect: {email: \"" + email + "\"}}}) { id } }");
        assertEquals("FORBIDDEN", noUsersRead.firstCode(), "finding a user needs users:read: " + noUsersRead.body());
        // a writer who is not a reviewer cannot see drafts, so cannot connect one either
        String draft = fx.sql("SELECT slug FROM \"Post\" WHERE status = 'DRAFT' ORDER BY slug LIMIT 1");
        String userId = fx.sql("SELECT id FROM users ORDER BY email LIMIT 1");
        Response hidden = client.post(Tokens.hs256("writer", "posts:read posts:write users:read users:write"),
                "mutation { updateUser(id: \"" + userId + "\", data: {posts: {connect: [{slug: \"" + draft + "\"}]}}) { id } }");
        assertEquals("NOT_FOUND", hidden.firstCode(), hidden.body().toString());
        // nor create a post through a user that it could not see afterwards
        Response invisible = client.post(Tokens.hs256("writer", "posts:read posts:write users:read users:write"),
                "mutation { updateUser(id: \"" + userId + "\", data: {posts: {create: [{slug: \"hidden-draft\", title: \"t\", body: \"b\", status: DRAFT}]}}) { id } }");
        assertEquals("FORBIDDEN", invisible.firstCode(), invisible.body().toString());
        assertEquals(0, count("SELECT count(*) FROM \"Post\" WHERE slug = 'hidden-draft'"));
    }

    @Test
    void theCacheSeesNestedWrites() throws Exception {
        Api cached = fx.api(TestRedis.url(), CacheFixture.freshPrefix());
        Principal who = new Principal("admin", Set.of(RelationFiltersTest.ADMIN.split(" ")));
        String userId = fx.sql("SELECT id FROM users ORDER BY email DESC LIMIT 1");
        String read = "query($id: ID!) { user(id: $id) { posts { slug } } }";
        Map<String, Object> vars = Map.of("id", userId);
        assertTrue(cached.execute(read, null, vars, who).getErrors().isEmpty());
        var done = cached.execute("mutation($id: ID!) { updateUser(id: $id, data: {posts: {create: [{slug: \"cached-nested\", title: \"t\", body: \"b\"}]}}) { id } }", null, vars, who);
        assertTrue(done.getErrors().isEmpty(), done.getErrors().toString());
        Map<String, Map<String, List<Map<String, String>>>> data = cached.execute(read, null, vars, who).getData();
        assertTrue(data.get("user").get("posts").stream().anyMatch(p -> p.get("slug").equals("cached-nested")), "the user's cached posts include the nested create: " + data);
    }

    @Test
    void eachMutationFieldReadsWhatTheFieldsBeforeItWrote() throws Exception {
        String post = fx.sql("SELECT id FROM \"Post\" ORDER BY id LIMIT 1");
        // both fields read the same author through the request's loader: the second must not get the first's reading
        Response r = ok(admin, "mutation { a: updatePost(id: " + post + ", data: {author: {update: {name: \"first\"}}}) { author { name } } "
                + "b: updatePost(id: " + post + ", data: {author: {update: {name: \"second\"}}}) { author { name } } }");
        assertEquals("first", r.data().path("a").path("author").path("name").asText(), r.body().toString());
        assertEquals("second", r.data().path("b").path("author").path("name").asText(), r.body().toString());
        assertEquals("second", fx.sql("SELECT u.name FROM users u JOIN \"Post\" p ON p.\"authorId\" = u.id WHERE p.id = " + post));
    }
}
