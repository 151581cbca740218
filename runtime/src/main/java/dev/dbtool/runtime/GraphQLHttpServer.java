package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * GraphQL over HTTP on Jetty 12 (chosen for its non-blocking parsing: a slow client holds a connection, never a
 * thread): {@code POST /graphql} with {@code application/json} (or {@code application/graphql-response+json}),
 * {@code GET /graphql?query=…} for queries only, {@code GET /health}. Requests follow the GraphQL-over-HTTP spec:
 * mutations only by POST (a form or any other content type cannot post, so no cross-site write), an operation chosen
 * by name exactly as the spec says (an empty name is no name), {@code application/graphql-response+json} answered
 * with 4xx for requests that cannot execute. {@code Authorization: Bearer <JWT>} (or {@code Session <id>}) sets the
 * principal; an invalid, expired or forged token gets 401. Limits: {@link HttpSettings}. Subscriptions (and any operation) run over a
 * WebSocket at the same path with graphql-ws's {@code graphql-transport-ws} protocol ({@link GraphQLWebSocket}).
 */
public final class GraphQLHttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GraphQLHttpServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private final Server server;
    private final ServerConnector connector;
    private final ApiEngine api;
    private final JwtAuthenticator authenticator;
    private final SessionLookup sessions;
    private final HttpSettings settings;

    private GraphQLHttpServer(ApiEngine api, JwtAuthenticator authenticator, SessionLookup sessions, String host, int port, HttpSettings settings) {
        this.api = api;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.settings = settings;
        QueuedThreadPool threads = new QueuedThreadPool(settings.threads(), Math.min(8, settings.threads()));
        threads.setName("graphql-http");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(settings.maxHeaderBytes());
        http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        connector.addBean(new HeaderDeadline(server, settings.headerTimeout().toMillis()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));
        // GET /graphql with Upgrade: websocket speaks graphql-transport-ws (subscriptions); everything else is plain HTTP
        org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler ws = org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(settings.maxBodyBytes());
            container.setIdleTimeout(java.time.Duration.ofMinutes(2));
            container.addMapping("/graphql", (upgrade, upgraded, done) -> {
                boolean accepted = upgrade.hasSubProtocol(GraphQLWebSocket.PROTOCOL);
                if (accepted) upgraded.setAcceptedSubProtocol(GraphQLWebSocket.PROTOCOL);
                return new GraphQLWebSocket(api, this::authenticateConnection, upgrade.getHeaders().get(HttpHeader.AUTHORIZATION), accepted);
            });
        });
        ws.setHandler(new Endpoint());
        server.setHandler(new GracefulHandler(ws));
        server.setStopTimeout(settings.stopTimeout().toMillis());
        server.setStopAtShutdown(false);
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one) with {@code threads} worker threads. */
    public static GraphQLHttpServer start(ApiEngine api, JwtAuthenticator authenticator, String host, int port, int threads) throws IOException {
        return start(api, authenticator, null, host, port, HttpSettings.defaults().withThreads(threads));
    }

    /** Also accepts {@code Authorization: Session <id>} when {@code sessions} is given. */
    public static GraphQLHttpServer start(ApiEngine api, JwtAuthenticator authenticator, SessionLookup sessions, String host, int port, int threads) throws IOException {
        return start(api, authenticator, sessions, host, port, HttpSettings.defaults().withThreads(threads));
    }

    public static GraphQLHttpServer start(ApiEngine api, JwtAuthenticator authenticator, SessionLookup sessions, String host, int port, HttpSettings settings)
            throws IOException {
        GraphQLHttpServer s = new GraphQLHttpServer(api, authenticator, sessions, host, port, settings);
        try {
            s.server.start();
        } catch (Exception e) {
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return s;
    }

    public int port() { return connector.getLocalPort(); }

    /** Stops accepting, lets requests in flight finish (up to {@link HttpSettings#stopTimeout()}), then closes. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "HTTP server stop: " + e);
        }
    }

    /** Closes a new connection that has not sent a whole request within the deadline (slow-header clients). */
    private static final class HeaderDeadline implements Connection.Listener {
        private final Server server;
        private final long millis;

        HeaderDeadline(Server server, long millis) {
            this.server = server;
            this.millis = millis;
        }

        @Override
        public void onOpened(Connection connection) {
            // a WebSocket opens a connection of its own on the same socket once upgraded: its protocol times it out (connection_init)
            if (connection instanceof org.eclipse.jetty.websocket.core.WebSocketConnection) return;
            server.getScheduler().schedule(() -> {
                if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen() && connection.getEndPoint().getConnection() == connection) {
                    connection.getEndPoint().close();
                }
            }, millis, TimeUnit.MILLISECONDS);
        }
    }

    private final class Endpoint extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (path.equals("/health")) {
                send(response, callback, 200, "text/plain; charset=utf-8", "ok".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            if (!path.equals("/graphql")) return false;
            boolean graphqlResponse = accepts(request, GRAPHQL_RESPONSE);
            switch (request.getMethod()) {
                case "GET" -> {
                    Map<String, String> params = new LinkedHashMap<>();
                    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
                    for (Fields.Field f : fields) params.put(f.getName(), f.getValue());
                    run(request, response, callback, graphqlResponse, () -> GraphQLRequest.fromParameters(params), true);
                }
                case "POST" -> post(request, response, callback, graphqlResponse);
                default -> {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
                    problem(response, callback, graphqlResponse, new GraphQLRequest.Problem(405, "BAD_REQUEST", "Use GET or POST."));
                }
            }
            return true;
        }

        private void post(Request request, Response response, Callback callback, boolean graphqlResponse) {
            String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.equals(GRAPHQL_RESPONSE)) {
                // forms (x-www-form-urlencoded, multipart) and text/plain are what a cross-site page can post without asking
                problem(response, callback, graphqlResponse, new GraphQLRequest.Problem(415, "BAD_REQUEST", "Send the request as application/json."));
                return;
            }
            long length = request.getLength();
            if (length > settings.maxBodyBytes()) {
                tooLarge(response, callback, graphqlResponse);
                return;
            }
            // the body is read without holding a thread; a client that does not finish it in time is cut off
            Scheduler.Task deadline = server.getScheduler().schedule(() -> request.fail(new TimeoutException("request body")),
                    settings.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            new BodyReader(request, settings.maxBodyBytes(), (body, failure) -> {
                deadline.cancel();
                if (failure instanceof TimeoutException) {
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    problem(response, callback, graphqlResponse, new GraphQLRequest.Problem(408, "BAD_REQUEST", "The request body did not arrive in time."));
                } else if (failure instanceof BodyReader.TooLarge) {
                    tooLarge(response, callback, graphqlResponse);
                } else if (failure != null) {
                    callback.failed(failure);
                } else {
                    run(request, response, callback, graphqlResponse, () -> GraphQLRequest.fromJson(body), false);
                }
            }).run();
        }

        private void tooLarge(Response response, Callback callback, boolean graphqlResponse) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            problem(response, callback, graphqlResponse, new GraphQLRequest.Problem(413, "BAD_REQUEST",
                    "The request body is larger than " + settings.maxBodyBytes() + " bytes."));
        }
    }

    private interface Reader {
        GraphQLRequest read();
    }

    private void run(Request request, Response response, Callback callback, boolean graphqlResponse, Reader reader, boolean get) {
        try {
            GraphQLRequest r = reader.read().resolved(api.config().trustedDocuments());
            if (Operations.isSubscription(r.query(), r.operationName(), api.config().parserOptions())) {
                throw new GraphQLRequest.Problem(400, "BAD_REQUEST", "Subscriptions run over a WebSocket (graphql-transport-ws) at /graphql.");
            }
            if (get && api.isMutation(r.query(), r.operationName())) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
                throw new GraphQLRequest.Problem(405, "BAD_REQUEST", "Mutations need POST.");
            }
            Optional<Principal> principal = principal(request, response, callback, graphqlResponse);
            if (principal.isEmpty()) return;
            ExecutionResult result = api.execute(r.query(), r.operationName(), r.variables(), principal.get());
            Map<String, Object> body = result.toSpecification();
            // graphql-response+json: a request that could not execute at all (no `data`) is the client's error
            int status = graphqlResponse && !body.containsKey("data") ? 400 : 200;
            send(response, callback, status, (graphqlResponse ? GRAPHQL_RESPONSE : "application/json") + "; charset=utf-8", JSON.writeValueAsBytes(body));
        } catch (GraphQLRequest.Problem p) {
            problem(response, callback, graphqlResponse, p);
        } catch (RuntimeException | IOException e) {
            // one line per failed request; the trace only when the logger is at DEBUG
            LOG.log(System.Logger.Level.ERROR, "request failed: " + e);
            LOG.log(System.Logger.Level.DEBUG, "request failed", e);
            problem(response, callback, graphqlResponse, new GraphQLRequest.Problem(500, "INTERNAL_SERVER_ERROR", "Internal server error."));
        }
    }

    /** The caller, or empty after answering 401/503 already. */
    private Optional<Principal> principal(Request request, Response response, Callback callback, boolean graphqlResponse) {
        try {
            return Optional.of(authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION)));
        } catch (ApiException e) {
            if (e.code().equals("UNAVAILABLE")) problem(response, callback, graphqlResponse, new GraphQLRequest.Problem(503, "UNAVAILABLE", e.getMessage()));
            else unauthorized(response, callback, graphqlResponse, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The caller an {@code Authorization} value names (none: anonymous): a bearer JWT, or a session id when the API has
     * sessions. UNAUTHENTICATED for a bad credential, UNAVAILABLE when sessions cannot be checked. HTTP requests and
     * WebSocket connections both come through here.
     */
    private Principal authenticate(String authorization) {
        if (authorization == null) return Principal.ANONYMOUS;
        if (sessions != null && authorization.regionMatches(true, 0, "Session ", 0, 8)) {
            Optional<Principal> found;
            try {
                found = sessions.find(authorization.substring(8).trim());
            } catch (Exception e) {
                throw new ApiException("UNAVAILABLE", "Sessions cannot be checked right now.", List.of(), Map.of());
            }
            return found.orElseThrow(() -> ApiException.unauthenticated("The session is unknown, expired or revoked."));
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthenticated(sessions == null ? "Use `Authorization: Bearer <token>`." : "Use `Authorization: Bearer <token>` or `Session <id>`.");
        }
        if (authenticator == null) throw ApiException.unauthenticated("This server does not accept bearer tokens.");
        return authenticator.authenticate(authorization.substring(7).trim());
    }

    /** {@link #authenticate} for a WebSocket, with the bearer token's expiry (the connection closes then). */
    private GraphQLWebSocket.Authenticated authenticateConnection(String authorization) {
        Principal principal = authenticate(authorization);
        java.time.Instant expires = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                java.util.Date exp = com.nimbusds.jwt.JWTParser.parse(authorization.substring(7).trim()).getJWTClaimsSet().getExpirationTime();
                expires = exp == null ? null : exp.toInstant();
            } catch (java.text.ParseException e) {
                throw ApiException.unauthenticated("The bearer token is not a JWT.");
            }
        }
        return new GraphQLWebSocket.Authenticated(principal, expires);
    }

    private static boolean accepts(Request request, String mediaType) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(mediaType);
    }

    private void unauthorized(Response response, Callback callback, boolean graphqlResponse, String message) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        problem(response, callback, graphqlResponse, new GraphQLRequest.Problem(401, "UNAUTHENTICATED", message));
    }

    private static void problem(Response response, Callback callback, boolean graphqlResponse, GraphQLRequest.Problem p) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", p.getMessage());
        error.put("extensions", Map.of("code", p.code()));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("errors", List.of(error)));
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        send(response, callback, p.status(), (graphqlResponse ? GRAPHQL_RESPONSE : "application/json") + "; charset=utf-8", body);
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
