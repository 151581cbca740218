package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Values in Redis: Jackson JSON (or CBOR) in a versioned envelope {@code {"v": "<shape>", "d": value}}. The shape is
 * a hash of the model's fields and types, generated with the code: after a model changes, old entries are misses,
 * never half-read objects.
 */
public final class CacheCodec {
    private final ObjectMapper mapper;

    public CacheCodec(boolean binary) {
        ObjectMapper m = binary ? new CBORMapper() : new ObjectMapper();
        m.registerModule(new JavaTimeModule());
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.mapper = m;
    }

    public JavaType type(Class<?> raw, Class<?>... parameters) {
        return parameters.length == 0 ? mapper.constructType(raw) : mapper.getTypeFactory().constructParametricType(raw, parameters);
    }

    public JavaType listOf(Class<?> element) { return mapper.getTypeFactory().constructCollectionType(java.util.List.class, element); }

    public byte[] encode(String shape, Object value) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("v", shape);
        envelope.set("d", mapper.valueToTree(value));
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a cache value", e);
        }
    }

    /** The value, or null when the bytes are of another shape (or unreadable: treated as a miss). */
    public <V> V decode(String shape, byte[] bytes, JavaType type) {
        if (bytes == null) return null;
        try {
            JsonNode envelope = mapper.readTree(bytes);
            if (envelope == null || !shape.equals(envelope.path("v").asText())) return null;
            return mapper.convertValue(envelope.get("d"), type);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
