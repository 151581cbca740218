package dev.dbtool.examples.blog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Real HTTP requests to the generated endpoint; every response body is kept for the "never leaks" checks. */
public final class GraphQLClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final StringBuilder transcript = new StringBuilder();

    /** Status and parsed body of one response. */
    public record Response(int status, JsonNode body) {
        public JsonNode data() { return body.path("data"); }

        public JsonNode errors() { return body.path("errors"); }

        public String firstCode() { return body.path("errors").path(0).path("extensions").path("code").asText(null); }
    }

    public GraphQLClient(int port) { this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql"); }

    public Response post(String token, String query) throws IOException, InterruptedException { return post(token, query, Map.of()); }

    public Response post(String token, String query, Map<String, Object> variables) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", JSON.valueToTree(variables));
        HttpRequest.Builder r = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) r.header("Authorization", "Bearer " + token);
        return send(r.build());
    }

    public Response get(String token, String query) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).GET();
        if (token != null) r.header("Authorization", "Bearer " + token);
        return send(r.build());
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
        synchronized (transcript) {
            transcript.append(res.body()).append('\n');
        }
        return new Response(res.statusCode(), JSON.readTree(res.body()));
    }

    /** Every response body received so far. */
    public String transcript() {
        synchronized (transcript) {
            return transcript.toString();
        }
    }
}
