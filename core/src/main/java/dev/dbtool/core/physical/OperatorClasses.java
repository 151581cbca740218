package dev.dbtool.core.physical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator classes the schema may name in {@code ops:} (Prisma's list for PostgreSQL), with their PostgreSQL
 * names and the index type each belongs to. Any other class is written {@code ops: raw("name")}.
 */
public final class OperatorClasses {
    /** A named operator class: its PostgreSQL name and the index types ({@code Gin}, {@code Brin}, …) it serves. */
    public record Known(String name, String sql, List<String> indexTypes) {}

    private static final Map<String, Known> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Known> BY_SQL = new LinkedHashMap<>();

    static {
        add("ArrayOps", "array_ops", "Gin");
        add("JsonbOps", "jsonb_ops", "Gin");
        add("JsonbPathOps", "jsonb_path_ops", "Gin");
        add("InetOps", "inet_ops", "Gist", "SpGist");
        add("TextOps", "text_ops", "SpGist");
        add("BitMinMaxOps", "bit_minmax_ops", "Brin");
        add("VarBitMinMaxOps", "varbit_minmax_ops", "Brin");
        add("InetInclusionOps", "inet_inclusion_ops", "Brin");
        for (String type : List.of("Bpchar", "Bytea", "Date", "Float4", "Float8", "Inet", "Int2", "Int4", "Int8", "Numeric", "Oid",
                "Text", "Timestamp", "TimestampTz", "Time", "TimeTz", "Uuid")) {
            String sql = type.toLowerCase(java.util.Locale.ROOT);
            add(type + "BloomOps", sql + "_bloom_ops", "Brin");
            add(type + "MinMaxOps", sql + "_minmax_ops", "Brin");
            if (!List.of("Bpchar", "Bytea", "Text").contains(type)) add(type + "MinMaxMultiOps", sql + "_minmax_multi_ops", "Brin");
        }
    }

    private OperatorClasses() {}

    private static void add(String name, String sql, String... indexTypes) {
        Known k = new Known(name, sql, List.of(indexTypes));
        BY_NAME.put(name, k);
        BY_SQL.putIfAbsent(sql, k);
    }

    /** The named class, or null when the schema's name is not one. */
    public static Known named(String name) { return BY_NAME.get(name); }

    public static java.util.Set<String> names() { return BY_NAME.keySet(); }

    /** The schema's {@code ops} value ({@code JsonbPathOps} or {@code raw("gin_trgm_ops")}) → the PostgreSQL name. */
    public static String sql(String ops) {
        if (ops == null) return null;
        if (ops.startsWith("raw(\"") && ops.endsWith("\")")) return ops.substring(5, ops.length() - 2);
        Known k = BY_NAME.get(ops);
        return k != null ? k.sql() : ops;
    }

    /** A PostgreSQL operator class → how the schema writes it: its Prisma name where it has one, else {@code raw("…")}. */
    public static String schemaSpelling(String sql) {
        Known k = BY_SQL.get(sql);
        return k != null ? k.name() : "raw(\"" + sql.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
    }
}
