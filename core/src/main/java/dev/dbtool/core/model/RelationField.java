package dev.dbtool.core.model;

import dev.dbtool.core.source.Span;
import java.util.List;

/**
 * A field whose type is another model. The side that holds the foreign key has non-empty {@code fields} and
 * {@code references}; {@code relationName} is the explicit name or the generated one ({@code PostToUser}).
 */
public record RelationField(String name, String targetModel, Arity arity, String relationName, List<String> fields,
                            List<String> references, ReferentialAction onDelete, ReferentialAction onUpdate,
                            String foreignKeyName, boolean ignored, String documentation, Span span) implements Field {
    public boolean holdsForeignKey() { return !fields.isEmpty(); }
}
