package dev.dbtool.examples.blog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A graphql-transport-ws client for tests, on the JDK's WebSocket: every message received, and the close code. */
final class WsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private boolean paused;
    private boolean waiting;

    private WsClient(int port, String protocol) throws Exception {
        StringBuilder partial = new StringBuilder();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (protocol != null) b.subprotocols(protocol);
        socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        received.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                synchronized (WsClient.this) {
                    if (paused) waiting = true;
                    else ws.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.completeExceptionally(error);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    static WsClient connect(int port) throws Exception { return new WsClient(port, "graphql-transport-ws"); }

    static WsClient connect(int port, String protocol) throws Exception { return new WsClient(port, protocol); }

    /** Connects and initialises with the token; fails unless the server acknowledges. */
    static WsClient init(int port, String token) throws Exception {
        WsClient c = connect(port);
        c.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        JsonNode ack = c.next();
        if (!"connection_ack".equals(ack.path("type").asText())) throw new AssertionError("no ack: " + ack);
        return c;
    }

    void send(Map<String, Object> message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(5, TimeUnit.SECONDS);
    }

    /** Stops reading from the socket (a slow client): the server's sends back up. */
    synchronized void pause() { paused = true; }

    synchronized void resume() {
        paused = false;
        if (waiting) {
            waiting = false;
            socket.request(1);
        }
    }

    void sendRaw(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    void subscribe(String id, String query) throws Exception {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    /** The next message, waiting up to 10 s. */
    JsonNode next() throws InterruptedException { return next(10_000); }

    /** The next message within {@code millis}, or null. */
    JsonNode next(long millis) throws InterruptedException {
        JsonNode n = received.poll(millis, TimeUnit.MILLISECONDS);
        if (n != null && n.path("type").asText().equals("ping")) return next(millis);
        return n;
    }

    int closeCode() throws Exception { return closed.get(10, TimeUnit.SECONDS); }

    @Override
    public void close() {
        socket.abort();
    }
}
