package dev.dbtool.core.physical;

import dev.dbtool.core.model.DefaultValue;
import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.ScalarType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SQL DEFAULT of a column as Prisma writes it, or null: client-side functions ({@code uuid()}, {@code cuid()},
 * …) and {@code autoincrement()} (a SERIAL type instead) have none.
 */
final class DefaultExpressions {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private DefaultExpressions() {}

    static String of(ScalarField f, String columnType, Function<String, EnumType> enums) {
        DefaultValue d = f.defaultValue();
        if (d == null) return null;
        if (d instanceof DefaultValue.Function fn) return fn.name().equals("now") ? "CURRENT_TIMESTAMP" : null;
        if (d instanceof DefaultValue.DbGenerated g) return g.sql();
        if (d instanceof DefaultValue.EnumValue e) return SqlNames.literal(enumDbValue(f, e.value(), enums));
        if (d instanceof DefaultValue.ListLiteral list) {
            List<String> items = list.values().stream().map(v -> f.kind() instanceof FieldKind.Enum
                    ? SqlNames.literal(enumDbValue(f, v, enums)) : scalar(f, v)).toList();
            return "ARRAY[" + items.stream().collect(Collectors.joining(", ")) + "]::" + columnType;
        }
        return scalar(f, ((DefaultValue.Literal) d).value());
    }

    private static String enumDbValue(ScalarField f, String value, Function<String, EnumType> enums) {
        EnumType t = enums.apply(((FieldKind.Enum) f.kind()).name());
        return t.values().stream().filter(v -> v.name().equals(value)).map(EnumType.EnumValue::databaseName).findFirst().orElse(value);
    }

    private static String scalar(ScalarField f, String value) {
        ScalarType t = f.kind() instanceof FieldKind.Scalar s ? s.type() : ScalarType.String;
        return switch (t) {
            case Int, BigInt, Float, Decimal, Boolean -> value;
            case DateTime -> SqlNames.literal(timestamp(value));
            case Bytes -> "'\\x" + HexFormat.of().formatHex(Base64.getDecoder().decode(value)) + "'";
            case String, Json -> SqlNames.literal(value);
        };
    }

    /** {@code 2024-02-29T23:59:59.123Z} → {@code 2024-02-29 23:59:59.123 +00:00} (Prisma's spelling). */
    private static String timestamp(String iso) {
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            t = java.time.LocalDate.parse(iso).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        String offset = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
        return (t.getNano() == 0 ? SECONDS : MILLIS).format(t) + " " + offset;
    }
}
