package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One GraphQL-over-HTTP request, read from a POST body or GET parameters: the document (or the id of a trusted one),
 * the operation name (an empty one is no name), the variables. Whatever is malformed is a {@link Problem} with the
 * HTTP status it gets.
 */
public record GraphQLRequest(String query, String documentId, String operationName, Map<String, Object> variables) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request that cannot run: answered with {@code status} and one error of {@code code}. */
    public static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        public Problem(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() { return status; }

        public String code() { return code; }
    }

    /** A JSON body: {@code {"query", "operationName", "variables", "documentId", "extensions"}}. */
    public static GraphQLRequest fromJson(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new Problem(400, "BAD_REQUEST", "The request body is not valid JSON (UTF-8).");
        }
        if (json == null || !json.isObject()) throw new Problem(400, "BAD_REQUEST", "The request body must be a JSON object.");
        return of(text(json, "query"), text(json, "documentId"), persistedHash(json.get("extensions")), text(json, "operationName"), json.get("variables"));
    }

    /** GET parameters; {@code variables} and {@code extensions} are JSON text. */
    public static GraphQLRequest fromParameters(Map<String, String> params) {
        JsonNode variables = params.containsKey("variables") ? parse(params.get("variables"), "variables") : null;
        JsonNode extensions = params.containsKey("extensions") ? parse(params.get("extensions"), "extensions") : null;
        return of(params.get("query"), params.get("documentId"), persistedHash(extensions), params.get("operationName"), variables);
    }

    private static GraphQLRequest of(String query, String documentId, String persisted, String operationName, JsonNode variables) {
        if (variables != null && !variables.isNull() && !variables.isObject()) throw new Problem(400, "BAD_REQUEST", "`variables` must be a JSON object.");
        String id = documentId != null ? documentId : persisted != null ? "sha256:" + persisted : null;
        if ((query == null || query.isEmpty()) && id == null) throw new Problem(400, "BAD_REQUEST", "The request needs a `query` (or the `documentId` of a trusted document).");
        Map<String, Object> vars = new LinkedHashMap<>();
        if (variables != null && variables.isObject()) variables.fields().forEachRemaining(e -> vars.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
        return new GraphQLRequest(query == null || query.isEmpty() ? null : query, id, Operations.normalizedName(operationName), vars);
    }

    /** The document to run: the request's own text, or the trusted document it names. */
    public GraphQLRequest resolved(TrustedDocuments trusted) {
        if (trusted == null) {
            if (query == null) throw new Problem(400, "PERSISTED_QUERY_NOT_SUPPORTED", "This server takes the document's text in `query`.");
            return this;
        }
        String text = documentId != null ? trusted.byId(documentId) : query;
        if (text == null || (documentId == null && !trusted.contains(query)) || (query != null && !query.equals(text))) {
            throw new Problem(400, "PERSISTED_QUERY_NOT_FOUND", "This server runs trusted documents only, and this one is not among them.");
        }
        return new GraphQLRequest(text, documentId, operationName, variables);
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new Problem(400, "BAD_REQUEST", "`" + field + "` must be a string.");
        return v.asText();
    }

    private static String persistedHash(JsonNode extensions) {
        if (extensions == null || extensions.isNull()) return null;
        if (!extensions.isObject()) throw new Problem(400, "BAD_REQUEST", "`extensions` must be a JSON object.");
        JsonNode hash = extensions.path("persistedQuery").path("sha256Hash");
        return hash.isTextual() ? hash.asText() : null;
    }

    private static JsonNode parse(String text, String name) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new Problem(400, "BAD_REQUEST", "`" + name + "` must be JSON.");
        }
    }
}
