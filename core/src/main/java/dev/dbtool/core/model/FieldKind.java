package dev.dbtool.core.model;

/** What a scalar field's values are: a built-in scalar, an enum of the schema, or an unsupported database type. */
public sealed interface FieldKind {
    record Scalar(ScalarType type) implements FieldKind {}

    record Enum(String name) implements FieldKind {}

    record Unsupported(String databaseType) implements FieldKind {}

    default String display() {
        if (this instanceof Scalar s) return s.type().name();
        if (this instanceof Enum e) return e.name();
        return "Unsupported(\"" + ((Unsupported) this).databaseType() + "\")";
    }
}
