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
 * A relation over a composite foreign key on the blog ({@code FollowNote.follow} → Follow's {@code @@id([followerId,
 * followingId])}, and back {@code Follow.notes}) over HTTP: both directions, list arguments, {@code _count} and
 * relation filters against SQL, one statement per level; a note written with its key's fields, a dangling pair refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompositeKeysTest {
    CacheFixture fx;
    GraphQLClient client;
    String admin;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_composite", 71);
        client = new GraphQLClient(fx.serve().port());
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private static String pair(String follower, String following) {
        return "\"followerId\" = '" + follower + "' AND \"followingId\" = '" + following + "'";
    }

    @Test
    void eachFollowsNotesAndTheirCountInOneStatementPerLevel() throws Exception {
        long before = fx.counting.statements();
        Response r = client.post(admin, "{ follows(first: 100) { edges { node { followerId followingId notes { id text } _count { notes } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(3, fx.counting.statements() - before, "the page, every follow's notes, every follow's count");
        int withNotes = 0;
        for (JsonNode e : r.data().path("follows").path("edges")) {
            JsonNode n = e.path("node");
            String where = pair(n.path("followerId").asText(), n.path("followingId").asText());
            List<String> expected = fx.rows("SELECT id FROM \"FollowNote\" WHERE " + where + " ORDER BY id");
            List<String> actual = new ArrayList<>();
            for (JsonNode note : n.path("notes")) actual.add(note.path("id").asText());
            assertEquals(expected, actual, where);
            assertEquals(expected.size(), n.path("_count").path("notes").asInt(), where);
            if (!expected.isEmpty()) withNotes++;
        }
        assertTrue(withNotes > 3, "enough follows have notes: " + withNotes);
    }

    @Test
    void aNoteReachesItsFollowAndTheFollowsFirstNotesTakeArguments() throws Exception {
        long before = fx.counting.statements();
        Response r = client.post(admin, "{ followNotes(first: 50) { edges { node { id followerId followingId follow { followerId followingId since "
                + "notes(first: 1, orderBy: [{id: desc}], where: {text: {contains: \"a\"}}) { id } } } } } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        assertEquals(3, fx.counting.statements() - before, "the page, every note's follow, every follow's newest matching note");
        int checked = 0;
        for (JsonNode e : r.data().path("followNotes").path("edges")) {
            JsonNode n = e.path("node");
            JsonNode follow = n.path("follow");
            assertEquals(n.path("followerId").asText(), follow.path("followerId").asText());
            assertEquals(n.path("followingId").asText(), follow.path("followingId").asText());
            String where = pair(n.path("followerId").asText(), n.path("followingId").asText());
            assertEquals(fx.sql("SELECT count(*) FROM \"Follow\" WHERE " + where), "1");
            List<String> expected = fx.rows("SELECT id FROM \"FollowNote\" WHERE " + where + " AND text LIKE '%a%' ORDER BY id DESC LIMIT 1");
            List<String> actual = new ArrayList<>();
            for (JsonNode note : follow.path("notes")) actual.add(note.path("id").asText());
            assertEquals(expected, actual, where);
            checked++;
        }
        assertTrue(checked > 5, "enough notes: " + checked);
    }

    @Test
    void relationFiltersAcrossTheCompositeKeyMatchSql() throws Exception {
        Response some = client.post(admin, "{ follows(first: 1, where: {notes: {some: {text: {contains: \"e\"}}}}) { totalCount } }");
        assertEquals(0, some.errors().size(), some.body().toString());
        assertEquals(fx.sql("SELECT count(*) FROM \"Follow\" f WHERE EXISTS (SELECT 1 FROM \"FollowNote\" n WHERE n.\"followerId\" = f.\"followerId\" "
                + "AND n.\"followingId\" = f.\"followingId\" AND n.text LIKE '%e%')"), some.data().path("follows").path("totalCount").asText());
        Response none = client.post(admin, "{ follows(first: 1, where: {notes: {none: {}}}) { totalCount } }");
        assertEquals(fx.sql("SELECT count(*) FROM \"Follow\" f WHERE NOT EXISTS (SELECT 1 FROM \"FollowNote\" n WHERE n.\"followerId\" = f.\"followerId\" "
                + "AND n.\"followingId\" = f.\"followingId\")"), none.data().path("follows").path("totalCount").asText(), none.body().toString());
        String since = fx.sql("SELECT since FROM \"Follow\" ORDER BY since LIMIT 1 OFFSET 3");
        Response is = client.post(admin, "query($t: DateTime) { followNotes(first: 1, where: {follow: {is: {since: {lte: $t}}}}) { totalCount } }",
                Map.of("t", fx.sql("SELECT to_char(since, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM \"Follow\" ORDER BY since LIMIT 1 OFFSET 3")));
        assertEquals(0, is.errors().size(), is.body().toString());
        assertEquals(fx.sql("SELECT count(*) FROM \"FollowNote\" n JOIN \"Follow\" f ON n.\"followerId\" = f.\"followerId\" AND n.\"followingId\" = f.\"followingId\" "
                + "WHERE f.since <= '" + since + "'"), is.data().path("followNotes").path("totalCount").asText());
    }

    @Test
    void aNoteIsWrittenWithItsKeysFieldsAndADanglingPairIsRefused() throws Exception {
        List<String> follow = List.of(fx.sql("SELECT \"followerId\"::text FROM \"Follow\" ORDER BY since LIMIT 1"),
                fx.sql("SELECT \"followingId\"::text FROM \"Follow\" ORDER BY since LIMIT 1"));
        Response created = client.post(admin, "mutation($a: String!, $b: String!) { createFollowNote(data: {followerId: $a, followingId: $b, text: \"written\"}) "
                + "{ id follow { followerId followingId } } }", Map.of("a", follow.get(0), "b", follow.get(1)));
        assertEquals(0, created.errors().size(), created.body().toString());
        assertEquals(follow.get(0), created.data().path("createFollowNote").path("follow").path("followerId").asText());
        assertEquals(follow.get(1), created.data().path("createFollowNote").path("follow").path("followingId").asText());
        // the same follower with someone they do not follow: the foreign key refuses it, as a client error
        String stranger = fx.sql("SELECT id::text FROM users u WHERE NOT EXISTS (SELECT 1 FROM \"Follow\" f WHERE f.\"followerId\" = '" + follow.get(0)
                + "' AND f.\"followingId\" = u.id) LIMIT 1");
        String count = fx.sql("SELECT count(*) FROM \"FollowNote\"");
        Response dangling = client.post(admin, "mutation($a: String!, $b: String!) { createFollowNote(data: {followerId: $a, followingId: $b, text: \"lost\"}) { id } }",
                Map.of("a", follow.get(0), "b", stranger));
        assertEquals(1, dangling.errors().size(), dangling.body().toString());
        assertTrue(!"INTERNAL".equals(dangling.firstCode()) && dangling.firstCode() != null, dangling.body().toString());
        assertEquals(count, fx.sql("SELECT count(*) FROM \"FollowNote\""));
    }

    @Test
    void nestedWritesReachAFollowByItsCompositeKeyAndRollBackAsAWhole() throws Exception {
        // two users neither of whom follows the other
        List<String> pair = fx.rows("SELECT a.id::text || ' ' || b.id::text FROM users a JOIN users b ON a.id < b.id WHERE NOT EXISTS (SELECT 1 FROM \"Follow\" f "
                + "WHERE (f.\"followerId\" = a.id AND f.\"followingId\" = b.id) OR (f.\"followerId\" = b.id AND f.\"followingId\" = a.id)) LIMIT 1");
        String a = pair.get(0).split(" ")[0];
        String b = pair.get(0).split(" ")[1];
        String where = pair(a, b);
        // the follow created under the note, and a second note under the follow: both notes get both key columns
        Response created = client.post(admin, "mutation { createFollowNote(data: {text: \"first\", follow: {create: {follower: {connect: {id: \"" + a + "\"}}, "
                + "following: {connect: {id: \"" + b + "\"}}, notes: {create: [{text: \"second\"}]}}}}) { followerId followingId follow { notes(orderBy: [{id: asc}]) { text } } } }");
        assertEquals(0, created.errors().size(), created.body().toString());
        JsonNode note = created.data().path("createFollowNote");
        assertEquals(List.of(a, b), List.of(note.path("followerId").asText(), note.path("followingId").asText()));
        assertEquals(List.of("second", "first"), fx.rows("SELECT text FROM \"FollowNote\" WHERE " + where + " ORDER BY id"));
        assertEquals("[{\"text\":\"second\"},{\"text\":\"first\"}]", note.path("follow").path("notes").toString());

        // connect by the compound key; two mutation fields in one request each read the follow as their own write left it
        String connect = "follow: {connect: {followerId_followingId: {followerId: \"" + a + "\", followingId: \"" + b + "\"}}}";
        Response two = client.post(admin, "mutation { one: createFollowNote(data: {text: \"third\", " + connect + "}) { follow { _count { notes } } } "
                + "two: createFollowNote(data: {text: \"fourth\", " + connect + "}) { follow { _count { notes } } } }");
        assertEquals(0, two.errors().size(), two.body().toString());
        assertEquals(3, two.data().path("one").path("follow").path("_count").path("notes").asInt(), two.body().toString());
        assertEquals(4, two.data().path("two").path("follow").path("_count").path("notes").asInt(), two.body().toString());
        assertEquals("4", fx.sql("SELECT count(*) FROM \"FollowNote\" WHERE " + where));

        // a note that does not exist, connected under a new follow of b to a: NOT_FOUND, and that follow rolled back with it;
        // then b's follow of a (which does not exist) named by its compound key: NOT_FOUND
        String follows = fx.sql("SELECT count(*) FROM \"Follow\"");
        String notes = fx.sql("SELECT count(*) FROM \"FollowNote\"");
        Response lost = client.post(admin, "mutation { createFollowNote(data: {text: \"lost\", follow: {create: {follower: {connect: {id: \"" + b + "\"}}, "
                + "following: {connect: {id: \"" + a + "\"}}, notes: {connect: [{id: -1}]}}}}) { id } }");
        assertEquals("NOT_FOUND", lost.firstCode(), lost.body().toString());
        Response reversed = client.post(admin, "mutation { createFollowNote(data: {text: \"lost\", follow: {connect: {followerId_followingId: {followerId: \"" + b
                + "\", followingId: \"" + a + "\"}}}}) { id } }");
        assertEquals("NOT_FOUND", reversed.firstCode(), reversed.body().toString());
        assertEquals(follows, fx.sql("SELECT count(*) FROM \"Follow\""));
        assertEquals(notes, fx.sql("SELECT count(*) FROM \"FollowNote\""));
    }
}
