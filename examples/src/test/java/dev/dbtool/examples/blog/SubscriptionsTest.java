package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * {@code postEvents} over a WebSocket (graphql-transport-ws) on the blog: events of writes made by another API process
 * (a JVM of its own, through PostgreSQL NOTIFY), in commit order; the caller's row rule and filter on every event
 * (deletes included, matched against the deleted row's last version); scopes; the protocol's rules; a lost database
 * listener ending subscriptions so clients can subscribe anew.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionsTest {
    static final String EVENTS = "subscription { postEvents { event id node { slug status author { email } } } }";
    CacheFixture fx;
    int port;
    GraphQLClient client;
    String admin;
    String authorId;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_subscriptions", 47);
        port = fx.serve().port();
        client = new GraphQLClient(port);
        admin = Tokens.hs256("admin", RelationFiltersTest.ADMIN);
        authorId = fx.sql("SELECT id FROM users ORDER BY email LIMIT 1");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    String createPost(GraphQLClient via, String slug, String status) throws Exception {
        Response r = via.post(admin, "mutation { createPost(data: {slug: \"" + slug + "\", title: \"t\", body: \"b\", status: " + status + ", authorId: \"" + authorId
                + "\"}) { id } }");
        assertEquals(0, r.errors().size(), r.body().toString());
        return r.data().path("createPost").path("id").asText();
    }

    /** Subscribes and waits until a write is heard, so later writes are certain to be. */
    WsClient subscribed(String token, String query) throws Exception { return subscribed(token, query, "probe-", "PUBLISHED"); }

    /**
     * The same with probe posts whose slugs start with {@code prefix}, of {@code status}, that the subscription hears of:
     * the subscription starts on the server after the message is sent, so probes are written until one is heard (earlier
     * ones, written before it listened, may or may not be; any heard come before the last).
     */
    WsClient subscribed(String token, String query, String prefix, String status) throws Exception {
        WsClient ws = WsClient.init(port, token);
        ws.subscribe("1", query);
        for (int attempt = 0; attempt < 20; attempt++) {
            String probe = createPost(client, prefix + System.nanoTime(), status);
            for (JsonNode m = ws.next(500); m != null; m = ws.next(500)) {
                if (m.path("type").asText().equals("error")) throw new AssertionError(m.toString());
                if (m.path("payload").path("data").path("postEvents").path("id").asText().equals(probe)) return ws;
            }
        }
        throw new AssertionError("the subscription never heard a probe");
    }

    static JsonNode event(JsonNode message) {
        assertNotNull(message, "an event arrives");
        assertEquals("next", message.path("type").asText(), message.toString());
        return message.path("payload").path("data").path("postEvents");
    }

    @Test
    void aSubscriberHearsWritesMadeByAnotherApiProcessInCommitOrder() throws Exception {
        try (WsClient ws = subscribed(admin, EVENTS);
             ApiServerProcess other = ApiServerProcess.start(fx.db.jdbcUrl().substring("jdbc:".length()), fx.db)) {
            GraphQLClient elsewhere = new GraphQLClient(other.port);
            String id = createPost(elsewhere, "from-elsewhere", "DRAFT");
            JsonNode created = event(ws.next());
            assertEquals("CREATED", created.path("event").asText());
            assertEquals(id, created.path("id").asText());
            assertEquals("from-elsewhere", created.path("node").path("slug").asText());
            assertEquals(fx.sql("SELECT email FROM users WHERE id = '" + authorId + "'"), created.path("node").path("author").path("email").asText(),
                    "nested fields of the node resolve too");
            for (int i = 0; i < 5; i++) {
                Response r = elsewhere.post(admin, "mutation { updatePost(id: " + id + ", data: {slug: \"renamed-" + i + "\"}) { id } }");
                assertEquals(0, r.errors().size(), r.body().toString());
            }
            for (int i = 0; i < 5; i++) {
                JsonNode updated = event(ws.next());
                assertEquals("UPDATED", updated.path("event").asText());
                // each event carries the row as it is when the subscriber reads it: at least as new as the write it announces
                assertTrue(updated.path("node").path("slug").asText().compareTo("renamed-" + i) >= 0, updated.toString());
            }
            Response deleted = elsewhere.post(admin, "mutation { deletePost(id: " + id + ") { id } }");
            assertEquals(0, deleted.errors().size(), deleted.body().toString());
            JsonNode gone = event(ws.next());
            assertEquals("DELETED", gone.path("event").asText());
            assertEquals(id, gone.path("id").asText());
            assertTrue(gone.path("node").isNull());
            Response rolledBack = elsewhere.post(admin, "mutation { createPost(data: {slug: \"Not A Slug\", title: \"t\", body: \"b\", authorId: \"" + authorId + "\"}) { id } }");
            assertEquals("BAD_USER_INPUT", rolledBack.firstCode());
            assertNull(ws.next(500), "a write that did not commit announces nothing");
        }
    }

    @Test
    void rowRulesAndFiltersHoldForEveryEvent() throws Exception {
        // a reader who is not a reviewer sees published posts only
        String reader = Tokens.hs256("reader", "posts:read users:read");
        try (WsClient ws = subscribed(reader, EVENTS);
             WsClient filtered = subscribed(admin, "subscription { postEvents(where: {slug: {startsWith: \"keep-\"}}, events: [CREATED, DELETED]) { event id node { slug } } }",
                     "keep-probe-", "DRAFT")) {
            String draft = createPost(client, "keep-draft", "DRAFT");
            String published = createPost(client, "keep-published", "PUBLISHED");
            createPost(client, "other-published", "PUBLISHED");
            JsonNode first = event(ws.next());
            assertEquals(published, first.path("id").asText(), "the reader never hears of the draft: " + first);
            assertEquals("other-published", event(ws.next()).path("node").path("slug").asText());
            assertEquals(List.of(draft, published), List.of(event(filtered.next()).path("id").asText(), event(filtered.next()).path("id").asText()),
                    "the filter keeps keep-* posts, the reviewer sees drafts");
            // hiding a post from the reader: its update is not theirs to see; deleting the draft neither
            client.post(admin, "mutation { updatePost(id: " + published + ", data: {status: DRAFT}) { id } }");
            client.post(admin, "mutation { deletePost(id: " + draft + ") { id } }");
            client.post(admin, "mutation { deletePost(id: " + published + ") { id } }");
            String visible = createPost(client, "visible-again", "PUBLISHED");
            JsonNode next = event(ws.next());
            assertEquals("CREATED", next.path("event").asText(), "no update or delete of hidden posts before it: " + next);
            assertEquals(visible, next.path("id").asText());
            // (deleted before a subscriber reads it, a new row would be announced by its DELETED event only)
            client.post(admin, "mutation { deletePost(id: " + visible + ") { id } }");
            JsonNode delete = event(ws.next());
            assertEquals("DELETED", delete.path("event").asText());
            assertEquals(visible, delete.path("id").asText(), "the reader hears of the delete of a post they could see");
            List<String> filteredEvents = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                JsonNode e = event(filtered.next());
                filteredEvents.add(e.path("event").asText() + " " + e.path("id").asText());
            }
            assertEquals(List.of("DELETED " + draft, "DELETED " + published), filteredEvents, "updates are not asked for; deletes of keep-* are");
        }
    }

    @Test
    void bulkAndNestedWritesAreAnnouncedToo() throws Exception {
        try (WsClient ws = subscribed(admin, "subscription { postEvents { event id } }")) {
            Response nested = client.post(admin, "mutation { createUser(data: {email: \"sub-nested@example.com\", passwordHash: \"pw-123456\","
                    + " posts: {create: [{slug: \"sub-nested-1\", title: \"t\", body: \"b\"}, {slug: \"sub-nested-2\", title: \"t\", body: \"b\"}]}}) { id } }");
            assertEquals(0, nested.errors().size(), nested.body().toString());
            assertEquals("CREATED", event(ws.next()).path("event").asText());
            assertEquals("CREATED", event(ws.next()).path("event").asText());
            int count = Integer.parseInt(fx.sql("SELECT count(*) FROM \"Post\" WHERE slug LIKE 'sub-nested-%'"));
            Response bulk = client.post(admin, "mutation { updateManyPosts(where: {slug: {startsWith: \"sub-nested-\"}}, data: {title: \"bulk\"}) { count } }");
            assertEquals(count, bulk.data().path("updateManyPosts").path("count").asInt());
            for (int i = 0; i < count; i++) assertEquals("UPDATED", event(ws.next()).path("event").asText());
        }
    }

    @Test
    void theProtocolsRulesAreKept() throws Exception {
        WsClient silent = WsClient.connect(port); // never initialises: closed after the init timeout (checked last)
        try (WsClient ws = WsClient.init(port, admin)) {
            ws.send(Map.of("type", "connection_init"));
            assertEquals(4429, ws.closeCode(), "a second connection_init");
        }
        try (WsClient ws = WsClient.init(port, admin)) {
            ws.sendRaw("not json");
            assertEquals(4400, ws.closeCode(), "a message that is not JSON");
        }
        try (WsClient ws = WsClient.init(port, admin)) {
            for (int i = 0; i < 101; i++) ws.subscribe("s" + i, "subscription { postEvents { event } }");
            JsonNode refused = ws.next();
            assertEquals("error", refused.path("type").asText(), refused.toString());
            assertEquals("s100", refused.path("id").asText());
            assertTrue(refused.toString().contains("RATE_LIMITED"), "100 operations per connection: " + refused);
        }
        try (WsClient ws = WsClient.connect(port)) {
            ws.subscribe("1", EVENTS);
            assertEquals(4401, ws.closeCode(), "subscribing before connection_init");
        }
        try (WsClient ws = WsClient.connect(port)) {
            ws.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer forged.token.here")));
            assertEquals(4403, ws.closeCode(), "a bad token");
        }
        try (WsClient ws = WsClient.connect(port, "graphql-ws")) {
            assertEquals(4406, ws.closeCode(), "the legacy subprotocol is not spoken");
        }
        try (WsClient ws = WsClient.init(port, admin)) {
            ws.send(Map.of("type", "ping"));
            assertEquals("pong", ws.next().path("type").asText());
            ws.send(Map.of("id", "q", "type", "subscribe", "payload", Map.of("query", "{ posts(first: 1) { totalCount } }")));
            JsonNode answer = ws.next();
            assertEquals("next", answer.path("type").asText());
            assertTrue(answer.path("payload").path("data").path("posts").path("totalCount").asInt() > 0);
            assertEquals("complete", ws.next().path("type").asText(), "a query answers once");
            ws.subscribe("twice", "subscription { postEvents { event } }");
            ws.subscribe("twice", "subscription { postEvents { event } }");
            assertEquals(4409, ws.closeCode(), "a duplicate operation id");
        }
        try (WsClient ws = WsClient.init(port, Tokens.hs256("brief", RelationFiltersTest.ADMIN, java.time.Instant.now().plusSeconds(2), Tokens.SECRET))) {
            ws.subscribe("1", EVENTS);
            assertEquals(4403, ws.closed.get(10, java.util.concurrent.TimeUnit.SECONDS), "the connection ends when its token expires");
        }
        try (WsClient ws = WsClient.init(port, Tokens.hs256("nobody", "users:read"))) {
            ws.subscribe("1", EVENTS);
            JsonNode error = ws.next();
            assertTrue(error.toString().contains("FORBIDDEN"), "the type's read scope is needed: " + error);
        }
        try (WsClient ws = subscribed(admin, EVENTS)) {
            ws.send(Map.of("id", "1", "type", "complete"));
            // the server handles a connection's messages in order: once it answers the ping, the complete is done
            ws.send(Map.of("type", "ping"));
            assertEquals("pong", ws.next().path("type").asText());
            createPost(client, "after-complete", "PUBLISHED");
            assertNull(ws.next(500), "a completed subscription hears nothing more");
        }
        Response overHttp = client.post(admin, EVENTS);
        assertEquals(400, overHttp.status(), "subscriptions need the WebSocket: " + overHttp.body());
        try (silent) {
            assertEquals(4408, silent.closed.get(15, java.util.concurrent.TimeUnit.SECONDS), "no connection_init within 10 s");
        }
    }

    @Test
    void aSubscriberThatStopsReadingIsEndedNotBuffered() throws Exception {
        try (WsClient ws = subscribed(admin, "subscription { postEvents { event id node { body } } }")) {
            ws.pause();
            String body = "x".repeat(8_000);
            int posts = Integer.parseInt(fx.sql("SELECT count(*) FROM \"Post\""));
            int rounds = 40; // 40 × every post × 8 KB: far more than the socket buffers hold
            for (int i = 0; i < rounds; i++) {
                Response r = client.post(admin, "mutation { updateManyPosts(where: {}, data: {body: \"" + body + "\", rating: " + i + "}) { count } }");
                assertEquals(0, r.errors().size(), r.body().toString());
            }
            ws.resume();
            int delivered = 0;
            JsonNode last = null;
            for (JsonNode m = ws.next(5_000); m != null; m = ws.next(5_000)) {
                last = m;
                if (!m.path("type").asText().equals("next")) break;
                delivered++;
            }
            assertNotNull(last);
            assertEquals("error", last.path("type").asText(), "the subscription was ended: " + last);
            assertTrue(last.toString().contains("SUBSCRIBER_TOO_SLOW"), last.toString());
            assertTrue(delivered < rounds * posts, delivered + " of " + rounds * posts + " events were sent before it ended");
            System.out.println("slow subscriber: " + delivered + " of " + rounds * posts + " events sent before SUBSCRIBER_TOO_SLOW");
        }
    }

    @Test
    void losingTheDatabaseListenerEndsSubscriptionsAndTheyCanStartAgain() throws Exception {
        try (WsClient ws = subscribed(admin, EVENTS)) {
            assertEquals("t", fx.sql("SELECT bool_or(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'dbtool-events'"));
            JsonNode error = ws.next();
            assertEquals("error", error.path("type").asText(), error.toString());
            assertTrue(error.toString().contains("EVENTS_INTERRUPTED"), error.toString());
        }
        try (WsClient again = subscribed(admin, EVENTS)) {
            String id = createPost(client, "after-reconnect", "PUBLISHED");
            assertEquals(id, event(again.next()).path("id").asText());
        }
    }
}
