package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** Job payloads as JSON (Jackson): records in, records out. */
public final class PayloadCodec {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PayloadCodec() {}

    public static String encode(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise the job payload", e);
        }
    }

    public static <T> T decode(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("the job payload does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes and checks a payload on the worker's side with the rules the producer applied ({@code validate} throws). */
    public static <T> T decode(String json, Class<T> type, java.util.function.Consumer<T> validate) {
        T value = decode(json, type);
        if (value == null) throw new IllegalArgumentException("the job payload is null");
        validate.accept(value);
        return value;
    }
}
