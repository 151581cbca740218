package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One WebSocket connection speaking graphql-ws's {@code graphql-transport-ws} protocol: {@code connection_init} (with
 * {@code {"Authorization": "Bearer …"}} in its payload, or the upgrade request's header) within {@link #INIT_TIMEOUT_SECONDS},
 * then {@code subscribe}/{@code next}/{@code error}/{@code complete} per operation id, {@code ping}/{@code pong}.
 * Subscriptions stream their events; queries and mutations answer once. Protocol violations close the socket with the
 * protocol's codes (4400 bad message, 4401 not initialised, 4403 forbidden, 4408 init timeout, 4409 duplicate id,
 * 4429 repeated init). Each event is sent only after the previous one left, so a slow client holds back its own
 * subscriptions (which end with SUBSCRIBER_TOO_SLOW), never the server's memory.
 */
public final class GraphQLWebSocket implements Session.Listener.AutoDemanding {
    static final String PROTOCOL = "graphql-transport-ws";
    static final int INIT_TIMEOUT_SECONDS = 10;
    /** Operations one connection may have running at once. */
    static final int MAX_OPERATIONS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "graphql-ws-timer");
        t.setDaemon(true);
        return t;
    });
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "graphql-ws");
        t.setDaemon(true);
        return t;
    });

    /** The caller an {@code Authorization} value names (null: anonymous), and when its credential expires (null: never); throws UNAUTHENTICATED. */
    interface Authenticator { Authenticated authenticate(String authorization); }

    record Authenticated(Principal principal, java.time.Instant expiresAt) {}

    private final ApiEngine api;
    private final Authenticator authenticator;
    private final String upgradeAuthorization;
    private final boolean protocolAccepted;
    private final Map<String, Subscription> running = new ConcurrentHashMap<>();
    private record Outgoing(String text, Runnable sent) {}

    private final ArrayDeque<Outgoing> outbox = new ArrayDeque<>();
    private boolean sending;
    private volatile Session session;
    private volatile Principal principal;
    private volatile boolean initialised;
    private ScheduledFuture<?> initTimeout;
    private ScheduledFuture<?> pings;
    private ScheduledFuture<?> expiry;

    GraphQLWebSocket(ApiEngine api, Authenticator authenticator, String upgradeAuthorization, boolean protocolAccepted) {
        this.api = api;
        this.authenticator = authenticator;
        this.upgradeAuthorization = upgradeAuthorization;
        this.protocolAccepted = protocolAccepted;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        if (!protocolAccepted) {
            close(4406, "Subprotocol not acceptable (use " + PROTOCOL + ")");
            return;
        }
        initTimeout = TIMERS.schedule(() -> {
            if (!initialised) close(4408, "Connection initialisation timeout");
        }, INIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // WebSocket pings keep idle connections (and proxies in between) alive
        pings = TIMERS.scheduleAtFixedRate(() -> {
            if (session.isOpen()) session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }, 30, 30, TimeUnit.SECONDS);
    }

    @Override
    public void onWebSocketText(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            close(4400, "Invalid message");
            return;
        }
        String type = message.path("type").asText("");
        switch (type) {
            case "connection_init" -> init(message.path("payload"));
            case "ping" -> send(Map.of("type", "pong"));
            case "pong" -> { }
            case "subscribe" -> subscribe(message);
            case "complete" -> {
                Subscription s = running.remove(message.path("id").asText(""));
                if (s != null) s.cancel();
            }
            default -> close(4400, "Invalid message type `" + type + "`");
        }
    }

    private synchronized void init(JsonNode payload) {
        if (initialised) {
            close(4429, "Too many initialisation requests");
            return;
        }
        String authorization = payload.path("Authorization").asText(payload.path("authorization").asText(null));
        if (authorization == null) authorization = upgradeAuthorization;
        try {
            Authenticated who = authenticator.authenticate(authorization);
            principal = who.principal();
            // a connection outlives no token: when it expires, the socket closes (the client signs in again and resubscribes)
            if (who.expiresAt() != null) {
                long millis = Math.max(0, java.time.Duration.between(java.time.Instant.now(), who.expiresAt()).toMillis());
                expiry = TIMERS.schedule(() -> close(4403, "Forbidden: the token expired"), millis, TimeUnit.MILLISECONDS);
            }
        } catch (ApiException e) {
            if (e.code().equals("UNAVAILABLE")) close(1013, e.getMessage()); // try again later
            else close(4403, "Forbidden: " + e.getMessage());
            return;
        }
        initialised = true;
        if (initTimeout != null) initTimeout.cancel(false);
        send(Map.of("type", "connection_ack"));
    }

    private void subscribe(JsonNode message) {
        if (!initialised) {
            close(4401, "Unauthorized");
            return;
        }
        String id = message.path("id").asText("");
        JsonNode payload = message.path("payload");
        if (id.isEmpty() || !payload.path("query").isTextual()) {
            close(4400, "A subscribe message needs an id and a payload with a query");
            return;
        }
        if (running.containsKey(id)) {
            close(4409, "Subscriber for " + id + " already exists");
            return;
        }
        if (running.size() >= MAX_OPERATIONS) {
            error(id, "RATE_LIMITED", "This connection runs " + MAX_OPERATIONS + " operations already.");
            return;
        }
        running.put(id, PENDING);
        String query = payload.path("query").asText();
        String operationName = payload.path("operationName").isTextual() ? payload.path("operationName").asText() : null;
        Map<String, Object> variables = payload.path("variables").isObject()
                ? JSON.convertValue(payload.path("variables"), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}) : Map.of();
        WORKERS.execute(() -> run(id, query, operationName, variables));
    }

    @SuppressWarnings("unchecked")
    private void run(String id, String query, String operationName, Map<String, Object> variables) {
        ExecutionResult result;
        try {
            result = api.execute(query, operationName, variables, principal);
        } catch (RuntimeException e) {
            running.remove(id);
            error(id, "INTERNAL_SERVER_ERROR", "Internal server error.");
            return;
        }
        if (result.getData() instanceof Publisher<?> publisher) {
            ((Publisher<ExecutionResult>) publisher).subscribe(new Results(id));
            return;
        }
        running.remove(id);
        Map<String, Object> spec = result.toSpecification();
        if (!spec.containsKey("data")) {
            send(message("error", id, spec.get("errors")));
            return;
        }
        send(message("next", id, spec));
        send(message("complete", id, null));
    }

    /** One subscription's results, requested one at a time as the socket takes them. */
    private final class Results implements Subscriber<ExecutionResult> {
        private final String id;
        private Subscription subscription;

        Results(String id) { this.id = id; }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (running.replace(id, PENDING, s)) s.request(1);
            else s.cancel(); // completed by the client meanwhile
        }

        @Override
        public void onNext(ExecutionResult result) {
            send(message("next", id, result.toSpecification()), () -> {
                if (running.get(id) == subscription) subscription.request(1);
            });
        }

        @Override
        public void onError(Throwable t) {
            if (running.remove(id) == null) return;
            if (t instanceof ApiException e) error(id, e.code(), e.getMessage());
            else error(id, "INTERNAL_SERVER_ERROR", "The subscription failed.");
        }

        @Override
        public void onComplete() {
            if (running.remove(id) != null) send(message("complete", id, null));
        }
    }

    private void error(String id, String code, String text) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", text);
        e.put("extensions", Map.of("code", code));
        send(message("error", id, List.of(e)));
    }

    private static Map<String, Object> message(String type, String id, Object payload) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        if (payload != null) m.put("payload", payload);
        return m;
    }

    private void send(Map<String, Object> message) { send(message, null); }

    /** Queues a message; messages leave one after another (Jetty allows one send in flight), then {@code sent} runs. */
    private void send(Map<String, Object> message, Runnable sent) {
        String text;
        try {
            text = JSON.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        synchronized (outbox) {
            outbox.add(new Outgoing(text, sent));
            if (sending) return;
            sending = true;
        }
        flush();
    }

    private void flush() {
        Outgoing next;
        synchronized (outbox) {
            next = outbox.poll();
            if (next == null || session == null || !session.isOpen()) {
                sending = false;
                return;
            }
        }
        Outgoing out = next;
        session.sendText(out.text(), Callback.from(() -> {
            if (out.sent() != null) out.sent().run();
            flush();
        }, failure -> {
            synchronized (outbox) {
                sending = false;
            }
        }));
    }

    private void close(int code, String reason) {
        Session s = session;
        if (s != null && s.isOpen()) s.close(code, reason, Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed();
        callback.succeed();
    }

    private void closed() {
        if (initTimeout != null) initTimeout.cancel(false);
        if (expiry != null) expiry.cancel(false);
        if (pings != null) pings.cancel(false);
        for (Subscription s : running.values()) s.cancel();
        running.clear();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed();
    }

    /** Stands for an operation that runs but has no subscription yet. */
    private static final Subscription PENDING = new Subscription() {
        @Override
        public void request(long n) { }

        @Override
        public void cancel() { }
    };
}
