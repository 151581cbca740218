package dev.dbtool.core.validate;

import dev.dbtool.core.model.ScalarType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PostgreSQL's native types ({@code @db.*}): the scalar each fits and how many arguments each takes. */
public final class NativeTypes {
    public record Spec(ScalarType scalar, int minArgs, int maxArgs, String argumentHint) {}

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        put("Text", ScalarType.String, 0, 0, "");
        put("Char", ScalarType.String, 0, 1, "length");
        put("VarChar", ScalarType.String, 0, 1, "length");
        put("Bit", ScalarType.String, 0, 1, "length");
        put("VarBit", ScalarType.String, 0, 1, "length");
        put("Uuid", ScalarType.String, 0, 0, "");
        put("Xml", ScalarType.String, 0, 0, "");
        put("Inet", ScalarType.String, 0, 0, "");
        put("Citext", ScalarType.String, 0, 0, "");
        put("Boolean", ScalarType.Boolean, 0, 0, "");
        put("Integer", ScalarType.Int, 0, 0, "");
        put("SmallInt", ScalarType.Int, 0, 0, "");
        put("Oid", ScalarType.Int, 0, 0, "");
        put("BigInt", ScalarType.BigInt, 0, 0, "");
        put("DoublePrecision", ScalarType.Float, 0, 0, "");
        put("Real", ScalarType.Float, 0, 0, "");
        put("Decimal", ScalarType.Decimal, 0, 2, "precision, scale");
        put("Money", ScalarType.Decimal, 0, 0, "");
        put("Timestamp", ScalarType.DateTime, 0, 1, "precision");
        put("Timestamptz", ScalarType.DateTime, 0, 1, "precision");
        put("Date", ScalarType.DateTime, 0, 0, "");
        put("Time", ScalarType.DateTime, 0, 1, "precision");
        put("Timetz", ScalarType.DateTime, 0, 1, "precision");
        put("Json", ScalarType.Json, 0, 0, "");
        put("JsonB", ScalarType.Json, 0, 0, "");
        put("ByteA", ScalarType.Bytes, 0, 0, "");
    }

    private NativeTypes() {}

    private static void put(String name, ScalarType scalar, int min, int max, String hint) {
        SPECS.put(name, new Spec(scalar, min, max, hint));
    }

    public static Spec get(String name) { return SPECS.get(name); }

    public static List<String> names() { return List.copyOf(SPECS.keySet()); }

    /** The native type names that fit a scalar, for "expected one of" messages. */
    public static List<String> namesFor(ScalarType scalar) {
        return SPECS.entrySet().stream().filter(e -> e.getValue().scalar() == scalar).map(Map.Entry::getKey).toList();
    }
}
