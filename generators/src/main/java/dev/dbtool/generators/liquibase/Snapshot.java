package dev.dbtool.generators.liquibase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dbtool.core.physical.DbSchema;

/**
 * The database state after the last changeset, stored beside the changelog as JSON ({@code dbtool-snapshot.json}).
 * {@code dbtool schema} diffs the schema against it; it is deterministic text, so it diffs well in review.
 */
public final class Snapshot {
    public static final String FILE_NAME = "dbtool-snapshot.json";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's shape: a version, so a later dbtool can read or refuse an older snapshot knowingly. */
    record File(int version, DbSchema database) {}

    private Snapshot() {}

    public static String write(DbSchema schema) {
        try {
            return JSON.writeValueAsString(new File(VERSION, schema)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state in the text; {@link IllegalArgumentException} with a readable reason when it is not a snapshot. */
    public static DbSchema read(String text) {
        try {
            File f = JSON.readValue(text, File.class);
            if (f.version() != VERSION) throw new IllegalArgumentException("snapshot version " + f.version() + " is not supported (expected " + VERSION + ")");
            if (f.database() == null) throw new IllegalArgumentException("the snapshot has no database state");
            return f.database();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dbtool snapshot: " + e.getOriginalMessage(), e);
        }
    }
}
