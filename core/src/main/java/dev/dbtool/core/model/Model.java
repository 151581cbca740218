package dev.dbtool.core.model;

import dev.dbtool.core.source.Span;
import java.util.List;
import java.util.Optional;

/** A model (table) or view. {@code tableName} is {@code @@map} or the name; {@code schema} is {@code @@schema} or null. */
public record Model(String name, String tableName, String schema, boolean view, boolean ignored, List<Field> fields,
                    PrimaryKey primaryKey, List<Index> indexes, List<CheckConstraint> checks, ModelExtensions extensions,
                    String documentation, Span span) {

    public Optional<Field> field(String fieldName) {
        for (Field f : fields) if (f.name().equals(fieldName)) return Optional.of(f);
        return Optional.empty();
    }

    public List<ScalarField> scalarFields() {
        return fields.stream().filter(ScalarField.class::isInstance).map(ScalarField.class::cast).toList();
    }

    public List<RelationField> relationFields() {
        return fields.stream().filter(RelationField.class::isInstance).map(RelationField.class::cast).toList();
    }
}
