package dev.dbtool.core.physical;

import java.util.List;
import java.util.Optional;

/**
 * The database a schema describes, in PostgreSQL's terms: what the migrations must build. {@code schemas} are the
 * PostgreSQL schemas to create (besides the default one), {@code extensions} the extensions to enable.
 */
public record DbSchema(List<String> schemas, List<DbExtension> extensions, List<DbEnum> enums, List<DbTable> tables) {
    public static final DbSchema EMPTY = new DbSchema(List.of(), List.of(), List.of(), List.of());

    public Optional<DbTable> table(String schema, String name) {
        return tables.stream().filter(t -> java.util.Objects.equals(t.schema(), schema) && t.name().equals(name)).findFirst();
    }
}
