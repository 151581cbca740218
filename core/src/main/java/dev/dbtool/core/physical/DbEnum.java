package dev.dbtool.core.physical;

import java.util.List;

/** An enum type; {@code schema} is null for the default schema. */
public record DbEnum(String schema, String name, List<String> values) {
    public String qualifiedName() { return SqlNames.qualified(schema, name); }
}
