package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * GraphQL over HTTP on the JDK's own server: {@code POST /graphql} with a JSON body ({@code query},
 * {@code operationName}, {@code variables}), {@code GET /graphql?query=…} for queries only, {@code GET /health}.
 * {@code Authorization: Bearer <JWT>} sets the principal; an invalid, expired or forged token is answered with 401.
 */
public final class GraphQLHttpServer implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiEngine api;
    private final JwtAuthenticator authenticator;
    private final SessionLookup sessions;

    private GraphQLHttpServer(HttpServer server, ExecutorService executor, ApiEngine api, JwtAuthenticator authenticator, SessionLookup sessions) {
        this.server = server;
        this.executor = executor;
        this.api = api;
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one) with {@code threads} worker threads. */
    public static GraphQLHttpServer start(ApiEngine api, JwtAuthenticator authenticator, String host, int port, int threads) throws IOException {
        return start(api, authenticator, null, host, port, threads);
    }

    /** Also accepts {@code Authorization: Session <id>} when {@code sessions} is given. */
    public static GraphQLHttpServer start(ApiEngine api, JwtAuthenticator authenticator, SessionLookup sessions, String host, int port, int threads) throws IOException {
        // Without TCP_NODELAY the response's last segment waits for the client's delayed ACK: 40 ms per request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        GraphQLHttpServer s = new GraphQLHttpServer(server, executor, api, authenticator, sessions);
        server.createContext("/graphql", s::graphql);
        server.createContext("/health", ex -> s.send(ex, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8)));
        server.setExecutor(executor);
        server.start();
        return s;
    }

    public int port() { return server.getAddress().getPort(); }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void graphql(HttpExchange ex) throws IOException {
        try {
            handle(ex);
        } catch (RuntimeException e) {
            System.getLogger(GraphQLHttpServer.class.getName()).log(System.Logger.Level.ERROR, "request failed", e);
            sendError(ex, 500, "INTERNAL_SERVER_ERROR", "Internal server error.");
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String query;
        String operationName;
        Map<String, Object> variables;
        String method = ex.getRequestMethod();
        if (method.equals("POST")) {
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                sendError(ex, 415, "BAD_REQUEST", "Send the request as application/json.");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                sendError(ex, 413, "BAD_REQUEST", "The request body is larger than 1 MiB.");
                return;
            }
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                sendError(ex, 400, "BAD_REQUEST", "The request body is not valid JSON.");
                return;
            }
            if (json == null || !json.isObject() || !json.path("query").isTextual()) {
                sendError(ex, 400, "BAD_REQUEST", "The request needs a `query` string.");
                return;
            }
            query = json.get("query").asText();
            operationName = json.path("operationName").isTextual() ? json.get("operationName").asText() : null;
            JsonNode vars = json.get("variables");
            if (vars != null && !vars.isNull() && !vars.isObject()) {
                sendError(ex, 400, "BAD_REQUEST", "`variables` must be an object.");
                return;
            }
            variables = vars == null || vars.isNull() ? Map.of() : toMap(vars);
        } else if (method.equals("GET")) {
            Map<String, String> params = queryParameters(ex.getRequestURI().getRawQuery());
            query = params.get("query");
            if (query == null) {
                sendError(ex, 400, "BAD_REQUEST", "The request needs a `query` parameter.");
                return;
            }
            if (api.isMutation(query, params.get("operationName"))) {
                ex.getResponseHeaders().add("Allow", "POST");
                sendError(ex, 405, "BAD_REQUEST", "Mutations need POST.");
                return;
            }
            operationName = params.get("operationName");
            try {
                variables = params.containsKey("variables") ? toMap(JSON.readTree(params.get("variables"))) : Map.of();
            } catch (IOException | IllegalArgumentException e) {
                sendError(ex, 400, "BAD_REQUEST", "`variables` must be a JSON object.");
                return;
            }
        } else {
            ex.getResponseHeaders().add("Allow", "GET, POST");
            sendError(ex, 405, "BAD_REQUEST", "Use GET or POST.");
            return;
        }
        Principal principal = Principal.ANONYMOUS;
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && sessions != null && authorization.regionMatches(true, 0, "Session ", 0, 8)) {
            try {
                java.util.Optional<Principal> found = sessions.find(authorization.substring(8).trim());
                if (found.isEmpty()) {
                    unauthorized(ex, "The session is unknown, expired or revoked.");
                    return;
                }
                principal = found.get();
            } catch (Exception e) {
                sendError(ex, 503, "UNAVAILABLE", "Sessions cannot be checked right now.");
                return;
            }
        } else if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                unauthorized(ex, sessions == null ? "Use `Authorization: Bearer <token>`." : "Use `Authorization: Bearer <token>` or `Session <id>`.");
                return;
            }
            if (authenticator == null) {
                unauthorized(ex, "This server does not accept bearer tokens.");
                return;
            }
            try {
                principal = authenticator.authenticate(authorization.substring(7).trim());
            } catch (ApiException e) {
                unauthorized(ex, e.getMessage());
                return;
            }
        }
        ExecutionResult result = api.execute(query, operationName, variables, principal);
        send(ex, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(result.toSpecification()));
    }

    private Map<String, Object> toMap(JsonNode node) {
        if (!node.isObject()) throw new IllegalArgumentException("not an object");
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
        return out;
    }

    private static Map<String, String> queryParameters(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String kv : raw.split("&")) {
            String[] pair = kv.split("=", 2);
            out.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8), pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private void unauthorized(HttpExchange ex, String message) throws IOException {
        ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
        sendError(ex, 401, "UNAUTHENTICATED", message);
    }

    private void sendError(HttpExchange ex, int status, String code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(Map.of("errors", List.of(error))));
    }

    private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
