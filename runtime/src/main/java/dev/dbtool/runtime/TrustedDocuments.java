package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An allow-list of the documents production clients may run (trusted documents, also called persisted queries): a
 * JSON object from {@code "sha256:<hex>"} (or the bare hex) to the document text, as GraphQL Codegen's and Apollo's
 * manifests list them. A request names a document by {@code documentId} or {@code extensions.persistedQuery.sha256Hash},
 * or sends its text, whose hash must be listed; anything else is refused before parsing.
 */
public final class TrustedDocuments {
    private final Map<String, String> byHash;

    public TrustedDocuments(Map<String, String> documents) {
        Map<String, String> m = new LinkedHashMap<>();
        documents.forEach((id, text) -> {
            String hash = id.startsWith("sha256:") ? id.substring(7) : id;
            if (!hash.equals(sha256(text))) throw new IllegalArgumentException("trusted document " + id + " does not match the hash of its text");
            m.put(hash, text);
        });
        this.byHash = Map.copyOf(m);
    }

    /** The manifest at {@code TRUSTED_DOCUMENTS}, or null when the variable is not set (any document may run). */
    public static TrustedDocuments fromEnvironment() {
        String path = System.getenv("TRUSTED_DOCUMENTS");
        if (path == null || path.isBlank()) return null;
        try {
            JsonNode json = Jdbc.JSON.readTree(Files.readString(Path.of(path), StandardCharsets.UTF_8));
            if (json == null || !json.isObject()) throw new IllegalArgumentException("TRUSTED_DOCUMENTS: " + path + " is not a JSON object of hash → document");
            Map<String, String> docs = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> docs.put(e.getKey(), e.getValue().asText()));
            return new TrustedDocuments(docs);
        } catch (IOException e) {
            throw new IllegalArgumentException("TRUSTED_DOCUMENTS: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The text of the document with this id ({@code sha256:<hex>} or the hex), or null. */
    public String byId(String id) {
        if (id == null) return null;
        return byHash.get(id.startsWith("sha256:") ? id.substring(7) : id);
    }

    public boolean contains(String query) { return byHash.containsKey(sha256(query)); }

    public int size() { return byHash.size(); }

    public static String sha256(String text) { return Hashes.sha256(text); }
}
