package dev.dbtool.generators.liquibase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.dbtool.core.physical.DbExtension;
import dev.dbtool.core.physical.DbSchema;
import java.io.IOException;

/**
 * The database state after the last changeset, stored beside the changelog as JSON ({@code dbtool-snapshot.json}).
 * {@code dbtool schema} diffs the schema against it; it is deterministic text, so it diffs well in review.
 */
public final class Snapshot {
    public static final String FILE_NAME = "dbtool-snapshot.json";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().addDeserializer(DbExtension.class, new ExtensionReader()));

    /** An extension is an object ({@code name}, {@code schema}, {@code version}); snapshots before 0.2 wrote just its name. */
    private static final class ExtensionReader extends StdDeserializer<DbExtension> {
        ExtensionReader() { super(DbExtension.class); }

        @Override
        public DbExtension deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode n = p.readValueAsTree();
            if (n.isTextual()) return DbExtension.named(n.asText());
            if (!n.isObject() || !n.hasNonNull("name")) return (DbExtension) ctx.handleUnexpectedToken(DbExtension.class, p);
            return new DbExtension(n.get("name").asText(), text(n, "schema"), text(n, "version"));
        }

        private static String text(JsonNode n, String field) { return n.hasNonNull(field) ? n.get(field).asText() : null; }
    }

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
