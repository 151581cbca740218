package dev.dbtool.core.physical;

import dev.dbtool.core.model.DefaultValue;
import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.NativeType;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.ScalarType;
import java.util.function.Function;

/** The SQL type of a column, spelled as {@code prisma migrate} spells it. */
final class ColumnTypes {
    private ColumnTypes() {}

    static String of(ScalarField f, Function<String, EnumType> enums, String defaultSchema) {
        String base = base(f, enums, defaultSchema);
        return f.isList() ? base + "[]" : base;
    }

    static boolean isAutoincrement(ScalarField f) {
        return f.defaultValue() instanceof DefaultValue.Function fn && fn.name().equals("autoincrement");
    }

    private static String base(ScalarField f, Function<String, EnumType> enums, String defaultSchema) {
        FieldKind kind = f.kind();
        if (kind instanceof FieldKind.Unsupported u) return u.databaseType();
        if (kind instanceof FieldKind.Enum e) {
            EnumType t = enums.apply(e.name());
            String schema = t.schema() == null || t.schema().equals(defaultSchema) ? null : t.schema();
            return SqlNames.qualified(schema, t.databaseName());
        }
        ScalarType scalar = ((FieldKind.Scalar) kind).type();
        NativeType n = f.nativeType();
        boolean serial = isAutoincrement(f);
        if (n != null) {
            String name = n.name();
            if (serial && name.equals("SmallInt")) return "SMALLSERIAL";
            if (serial && name.equals("Integer")) return "SERIAL";
            if (serial && name.equals("BigInt")) return "BIGSERIAL";
            return nativeSql(n);
        }
        return switch (scalar) {
            case String -> "TEXT";
            case Boolean -> "BOOLEAN";
            case Int -> serial ? "SERIAL" : "INTEGER";
            case BigInt -> serial ? "BIGSERIAL" : "BIGINT";
            case Float -> "DOUBLE PRECISION";
            case Decimal -> "DECIMAL(65,30)";
            case DateTime -> "TIMESTAMP(3)";
            case Json -> "JSONB";
            case Bytes -> "BYTEA";
        };
    }

    /** {@code @db.X(args)} → SQL; the arguments are kept as written ({@code VARCHAR} stays unbounded). */
    static String nativeSql(NativeType n) {
        String sql = switch (n.name()) {
            case "DoublePrecision" -> "DOUBLE PRECISION";
            case "Timestamptz" -> "TIMESTAMPTZ";
            case "Timetz" -> "TIMETZ";
            case "VarBit" -> "VARBIT";
            case "ByteA" -> "BYTEA";
            case "JsonB" -> "JSONB";
            case "SmallInt" -> "SMALLINT";
            case "BigInt" -> "BIGINT";
            case "Integer" -> "INTEGER";
            default -> n.name().toUpperCase(java.util.Locale.ROOT);
        };
        if (n.arguments().isEmpty()) return sql;
        StringBuilder b = new StringBuilder(sql).append('(');
        for (int i = 0; i < n.arguments().size(); i++) b.append(i > 0 ? "," : "").append(n.arguments().get(i));
        return b.append(')').toString();
    }
}
