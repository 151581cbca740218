package dev.dbtool.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code dbtool dev}'s front on a stable port: the page at {@code /}, the last build's state at {@code /dev/status},
 * and {@code /graphql} passed to the API build now serving (its own server on a loopback port, so limits, errors and
 * authentication behave as in production). A failed build keeps the previous one serving; before any build serves,
 * {@code /graphql} answers 503 with the build's errors.
 */
final class DevServer implements AutoCloseable {
    /** The state the page shows: the serving build (if any) and the last pass's failure (if it failed). */
    record State(int build, DevApi api, boolean ok, String step, String message, LocalTime at) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Authorization", "Cookie");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Set-Cookie", "Cache-Control");
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dbtool-dev-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile State state = new State(0, null, false, "first build", "building…", LocalTime.now());

    private DevServer(HttpServer server) {
        this.server = server;
    }

    static DevServer start(String host, int port) throws IOException {
        DevServer dev = new DevServer(HttpServer.create(new InetSocketAddress(host, port), 64));
        dev.server.createContext("/", dev::page);
        dev.server.createContext("/dev/status", dev::status);
        dev.server.createContext("/graphql", dev::graphql);
        dev.server.setExecutor(dev.threads);
        dev.server.start();
        return dev;
    }

    int port() { return server.getAddress().getPort(); }

    /** A new build serves: returns the one it replaces (to be closed by the caller once requests moved on). */
    DevApi serve(int build, DevApi api) {
        DevApi old = state.api();
        state = new State(build, api, true, null, null, LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        return old;
    }

    /** The last pass failed; the serving build, if any, goes on serving. */
    void failed(String step, String message) {
        State s = state;
        state = new State(s.build(), s.api(), false, step, message, LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    State state() { return state; }

    private void page(HttpExchange x) throws IOException {
        if (!x.getRequestURI().getPath().equals("/")) {
            send(x, 404, "text/plain; charset=utf-8", "not found: dbtool dev serves / (GraphiQL), /graphql and /dev/status");
            return;
        }
        send(x, 200, "text/html; charset=utf-8", DevPage.HTML);
    }

    private void status(HttpExchange x) throws IOException {
        State s = state;
        ObjectNode o = JSON.createObjectNode().put("ok", s.ok()).put("build", s.build()).put("serving", s.api() != null).put("at", s.at().toString());
        if (!s.ok()) o.put("step", s.step()).put("message", s.message());
        x.getResponseHeaders().set("Cache-Control", "no-store");
        send(x, 200, "application/json", JSON.writeValueAsString(o));
    }

    private void graphql(HttpExchange x) throws IOException {
        State s = state;
        if (s.api() == null) {
            ObjectNode error = JSON.createObjectNode();
            error.putArray("errors").addObject().put("message", "dbtool dev: no build serves yet (" + s.step() + "): " + s.message());
            send(x, 503, "application/json", JSON.writeValueAsString(error));
            return;
        }
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        String query = x.getRequestURI().getRawQuery();
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.api().port() + "/graphql" + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60))
                .method(x.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : REQUEST_HEADERS) {
            String v = x.getRequestHeaders().getFirst(h);
            if (v != null) forward.header(h, v);
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(x, 503, "text/plain; charset=utf-8", "dbtool dev is stopping");
            return;
        } catch (IOException e) {
            send(x, 502, "text/plain; charset=utf-8", "dbtool dev: the API did not answer: " + e.getMessage());
            return;
        }
        for (String h : RESPONSE_HEADERS) answer.headers().allValues(h).forEach(v -> x.getResponseHeaders().add(h, v));
        x.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) x.getResponseBody().write(answer.body());
        x.close();
    }

    private static void send(HttpExchange x, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        DevApi api = state.api();
        if (api != null) api.close();
    }
}
