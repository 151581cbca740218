package dev.dbtool.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque cursors: base64url of a JSON array holding a fingerprint of the sort order and the row's sort-key values as
 * PostgreSQL text, so any column type round-trips exactly and a cursor from another ordering is refused.
 */
public final class Cursors {
    private Cursors() {}

    public static String encode(String orderFingerprint, List<String> values) {
        List<String> all = new ArrayList<>(values.size() + 1);
        all.add(orderFingerprint);
        all.addAll(values);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Jdbc.JSON.writeValueAsBytes(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> decode(String cursor, String argument, String orderFingerprint, int size) {
        try {
            JsonNode node = Jdbc.JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (node.isArray() && node.size() == size + 1 && orderFingerprint.equals(node.get(0).asText())) {
                List<String> out = new ArrayList<>(size);
                for (int i = 1; i <= size; i++) out.add(node.get(i).isNull() ? null : node.get(i).asText());
                return out;
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // falls through to the same error as a cursor of another ordering
        }
        throw ApiException.badUserInput(List.of(argument), "This cursor is not valid for this list and ordering.");
    }
}
