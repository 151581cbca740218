package dev.dbtool.generators.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.dbtool.generators.api.ApiField;

/** Java types of API fields, and the code that reads a column into one. */
final class JavaTypes {
    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName LIST = ClassName.get(java.util.List.class);
    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");

    private JavaTypes() {}

    static TypeName of(ApiField f, JavaNames names) {
        TypeName element = element(f, names);
        return f.list() ? ParameterizedTypeName.get(LIST, element) : element;
    }

    static TypeName element(ApiField f, JavaNames names) {
        if (f.enumName() != null) return names.model(f.enumName());
        String kind = f.list() ? listKind(f) : f.kind();
        return switch (kind) {
            case "STRING" -> STRING;
            case "INT" -> ClassName.get(Integer.class);
            case "BIGINT" -> ClassName.get(Long.class);
            case "FLOAT" -> ClassName.get(Double.class);
            case "DECIMAL" -> ClassName.get(java.math.BigDecimal.class);
            case "BOOLEAN" -> ClassName.get(Boolean.class);
            case "TIMESTAMP", "TIMESTAMPTZ", "DATE", "TIME", "TIMETZ" -> ClassName.get(java.time.Instant.class);
            case "JSON" -> JSON_NODE;
            case "BYTES" -> ArrayTypeName.of(TypeName.BYTE);
            default -> throw new IllegalStateException(kind);
        };
    }

    /** The element kind of a scalar list, from its GraphQL type. */
    private static String listKind(ApiField f) {
        return switch (f.graphqlType()) {
            case "ID", "String" -> "STRING";
            case "Int" -> "INT";
            case "BigInt" -> "BIGINT";
            case "Float" -> "FLOAT";
            case "Decimal" -> "DECIMAL";
            case "Boolean" -> "BOOLEAN";
            case "DateTime" -> "TIMESTAMP";
            case "JSON" -> "JSON";
            case "Bytes" -> "BYTES";
            default -> "STRING";
        };
    }

    /** Reads column {@code index} of {@code rs} as the field's Java type (decrypting when needed). */
    static CodeBlock read(ApiField f, int index, JavaNames names) {
        ClassName jdbc = names.runtime("Jdbc");
        if (f.list()) {
            TypeName element = element(f, names);
            if (f.enumName() != null) return CodeBlock.of("$T.list(rs, $L, v -> $T.fromDb((String) v))", jdbc, index, element);
            // the driver's element classes are not always the field's (jsonb[] gives text, timestamp[] java.sql.Timestamp)
            return switch (listKind(f)) {
                case "JSON" -> CodeBlock.of("$T.list(rs, $L, $T::jsonElement)", jdbc, index, jdbc);
                case "TIMESTAMP" -> CodeBlock.of("$T.list(rs, $L, v -> $T.instantElement(v, $L))", jdbc, index, jdbc,
                        f.cast().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMPTZ") || f.cast().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP WITH TIME ZONE"));
                case "INT" -> CodeBlock.of("$T.list(rs, $L, $T::intElement)", jdbc, index, jdbc);
                case "BIGINT" -> CodeBlock.of("$T.list(rs, $L, $T::longElement)", jdbc, index, jdbc);
                case "FLOAT" -> CodeBlock.of("$T.list(rs, $L, $T::doubleElement)", jdbc, index, jdbc);
                default -> CodeBlock.of("$T.list(rs, $L, v -> ($T) v)", jdbc, index, element);
            };
        }
        if (f.enumName() != null) return CodeBlock.of("$T.enumValue(rs, $L, $T::fromDb)", jdbc, index, names.model(f.enumName()));
        String getter = switch (f.kind()) {
            case "STRING" -> "string";
            case "INT" -> "integer";
            case "BIGINT" -> "bigint";
            case "FLOAT" -> "floating";
            case "DECIMAL" -> "decimal";
            case "BOOLEAN" -> "bool";
            case "TIMESTAMP" -> "timestamp";
            case "TIMESTAMPTZ" -> "timestamptz";
            case "DATE" -> "date";
            case "TIME" -> "time";
            case "TIMETZ" -> "timetz";
            case "JSON" -> "json";
            case "BYTES" -> "bytes";
            default -> throw new IllegalStateException(f.kind());
        };
        CodeBlock plain = CodeBlock.of("$T.$L(rs, $L)", jdbc, getter, index);
        if (!f.encrypted()) return plain;
        return CodeBlock.of(f.kind().equals("BYTES") ? "keyRing().decryptBytes($L)" : "keyRing().decrypt($L)", plain);
    }
}
