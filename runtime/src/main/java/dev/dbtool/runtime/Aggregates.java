package dev.dbtool.runtime;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.SelectedField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aggregateX} and {@code groupByX}: {@code _count}, {@code _sum}, {@code _avg}, {@code _min}, {@code _max} over
 * the rows a filter and the caller's row rule select, in one statement. Only what the query selects is computed;
 * {@code having} and {@code orderBy} name aggregates the same way. A field guarded by {@code @auth} needs its scope
 * wherever it is named (its sums and extremes would leak its values).
 */
public final class Aggregates {
    private Aggregates() {}

    /** The aggregate functions, by their GraphQL field names. */
    enum Fn {
        COUNT("_count"), SUM("_sum"), AVG("_avg"), MIN("_min"), MAX("_max");

        final String field;

        Fn(String field) { this.field = field; }

        static Fn of(String field) {
            for (Fn f : values()) if (f.field.equals(field)) return f;
            return null;
        }
    }

    /** Whether {@code _sum} and {@code _avg} take the column. */
    public static boolean summable(Column c) {
        return c.kind() == Column.Kind.INT || c.kind() == Column.Kind.BIGINT || c.kind() == Column.Kind.FLOAT || c.kind() == Column.Kind.DECIMAL;
    }

    /** Whether {@code _min} and {@code _max} take the column (PostgreSQL has min/max for its type: not for uuid). */
    public static boolean ordered(Column c) {
        if (c.cast().equalsIgnoreCase("uuid")) return false;
        return switch (c.kind()) {
            case STRING, INT, BIGINT, FLOAT, DECIMAL, TIMESTAMP, TIMESTAMPTZ, DATE, TIME, TIMETZ, ENUM -> true;
            default -> false;
        };
    }

    /** Whether rows can be grouped by the column ({@code by}). */
    public static boolean groupable(Column c) { return c.kind() != Column.Kind.ARRAY && c.kind() != Column.Kind.JSON && c.kind() != Column.Kind.BYTES; }

    /** One computed value: the function over a field ({@code null} field: {@code count(*)}). */
    private record Item(Fn fn, String field, Column column) {
        String sql() {
            if (field == null) return "count(*)";
            String col = column.sql();
            return switch (fn) {
                case COUNT -> "count(" + col + ")";
                case SUM -> column.kind() == Column.Kind.FLOAT ? "sum(" + col + ")::float8" : "sum(" + col + ")";
                case AVG -> column.kind() == Column.Kind.DECIMAL ? "avg(" + col + ")" : "avg(" + col + ")::float8";
                case MIN -> "min(" + col + ")";
                case MAX -> "max(" + col + ")";
            };
        }

        /** The column as a {@code having} condition compares it: the aggregate's SQL, its result type, how to bind to it. */
        Column asColumn() {
            String name = field == null ? fn.field : fn.field + "." + field;
            if (field == null || fn == Fn.COUNT) return new Column(name, sql(), "bigint", Column.Kind.BIGINT, false);
            return switch (fn) {
                case SUM -> switch (column.kind()) {
                    case INT -> new Column(name, sql(), "bigint", Column.Kind.BIGINT, true);
                    case FLOAT -> new Column(name, sql(), "float8", Column.Kind.FLOAT, true);
                    default -> new Column(name, sql(), "numeric", Column.Kind.DECIMAL, true);
                };
                case AVG -> column.kind() == Column.Kind.DECIMAL ? new Column(name, sql(), "numeric", Column.Kind.DECIMAL, true)
                        : new Column(name, sql(), "float8", Column.Kind.FLOAT, true);
                default -> new Column(name, sql(), column.cast(), column.kind(), true);
            };
        }

        Object read(ResultSet rs, int i, GraphQLEnumType enumType) throws SQLException {
            if (field == null || fn == Fn.COUNT) return rs.getInt(i);
            if (fn == Fn.SUM && column.kind() == Column.Kind.INT) return Jdbc.bigint(rs, i);
            if (fn == Fn.SUM || fn == Fn.AVG) return column.kind() == Column.Kind.DECIMAL || (fn == Fn.SUM && column.kind() == Column.Kind.BIGINT)
                    ? Jdbc.decimal(rs, i) : Jdbc.floating(rs, i);
            return value(rs, i, column, enumType);
        }
    }

    /** {@code aggregateX(where)}: one row of aggregates over every row selected. */
    public static Map<String, Object> aggregate(Connection c, DataFetchingEnvironment env, FilterModel model, Filter where, Filter rule, Principal principal)
            throws SQLException {
        List<Item> items = selected(env.getSelectionSet().getImmediateFields(), model, principal, List.of());
        SqlFilter.Compiled filter = filter(model, where, rule);
        StringBuilder sql = new StringBuilder("SELECT ");
        if (items.isEmpty()) sql.append("1");
        for (int i = 0; i < items.size(); i++) sql.append(i > 0 ? ", " : "").append(items.get(i).sql());
        sql.append(" FROM ").append(model.table()).append(" WHERE ").append(filter.sql());
        GraphQLSchema schema = env.getGraphQLSchema();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Object[] param : filter.params()) Jdbc.bind(ps, p++, (Column) param[0], param[1]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Object> out = new LinkedHashMap<>();
                put(out, items, rs, 1, schema, model.type());
                return out;
            }
        }
    }

    /**
     * {@code groupByX(by, where, having, orderBy, first, skip)}: one row per distinct combination of the {@code by}
     * fields, with the aggregates selected. Only the {@code by} fields may be selected as plain fields.
     */
    public static List<Map<String, Object>> groupBy(Connection c, DataFetchingEnvironment env, FilterModel model, Filter where, Filter rule, Principal principal,
            int maxPageSize) throws SQLException {
        Collection<?> byInput = env.getArgument("by");
        Object having = env.getArgument("having");
        Object orderBy = env.getArgument("orderBy");
        Integer firstArg = env.getArgument("first");
        int first = firstArg == null ? PageRequest.DEFAULT_SIZE : Inputs.first(firstArg, maxPageSize);
        Integer skipArg = env.getArgument("skip");
        int skip = skipArg == null ? 0 : skipArg;
        if (skip < 0) throw ApiException.badUserInput(List.of("skip"), "`skip` cannot be negative.");
        if (byInput == null || byInput.isEmpty()) throw ApiException.badUserInput(List.of("by"), "Name at least one field to group by.");
        List<String> by = new ArrayList<>(new LinkedHashSet<>(byInput.stream().map(String::valueOf).toList()));
        for (String f : by) column(model, f, principal, List.of("by"), Aggregates::groupable);
        List<SelectedField> fields = env.getSelectionSet().getImmediateFields();
        for (SelectedField f : fields) {
            if (Fn.of(f.getName()) == null && !f.getName().startsWith("__") && !by.contains(f.getName())) {
                throw ApiException.badUserInput(List.of(f.getName()), "`" + f.getName() + "` is not one of the fields grouped by (" + String.join(", ", by) + ").");
            }
        }
        List<Item> items = selected(fields, model, principal, List.of());
        SqlFilter.Compiled filter = filter(model, where, rule);
        SqlFilter.Compiled havingSql = SqlFilter.compile(having(having, model, principal, List.of("having")), havingColumns(model));
        String order = orderBy(orderBy, model, by, principal);
        String groupColumns = String.join(", ", by.stream().map(f -> model.columns().get(f).sql()).toList());
        StringBuilder sql = new StringBuilder("SELECT ").append(groupColumns);
        for (Item item : items) sql.append(", ").append(item.sql());
        sql.append(" FROM ").append(model.table()).append(" WHERE ").append(filter.sql()).append(" GROUP BY ").append(groupColumns);
        if (!havingSql.sql().equals("TRUE")) sql.append(" HAVING ").append(havingSql.sql());
        sql.append(" ORDER BY ").append(order.isEmpty() ? groupColumns : order + ", " + groupColumns).append(" LIMIT ? OFFSET ?");
        GraphQLSchema schema = env.getGraphQLSchema();
        String groupType = model.type() + "GroupBy";
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Object[] param : filter.params()) Jdbc.bind(ps, p++, (Column) param[0], param[1]);
            for (Object[] param : havingSql.params()) Jdbc.bind(ps, p++, (Column) param[0], param[1]);
            ps.setInt(p++, first);
            ps.setInt(p, skip);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    int i = 1;
                    for (String f : by) row.put(f, value(rs, i++, model.columns().get(f), enumType(schema, groupType, f)));
                    put(row, items, rs, i, schema, model.type());
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** The aggregates a selection asks for ({@code _sum { price }} …), each field checked. */
    private static List<Item> selected(List<SelectedField> fields, FilterModel model, Principal principal, List<Object> path) {
        Set<Item> items = new LinkedHashSet<>();
        for (SelectedField f : fields) {
            Fn fn = Fn.of(f.getName());
            if (fn == null) continue;
            for (SelectedField inner : f.getSelectionSet().getImmediateFields()) {
                if (inner.getName().startsWith("__")) continue;
                if (fn == Fn.COUNT && inner.getName().equals("_all")) items.add(new Item(Fn.COUNT, null, null));
                else items.add(item(fn, inner.getName(), model, principal, path));
            }
        }
        return List.copyOf(items);
    }

    private static Item item(Fn fn, String field, FilterModel model, Principal principal, List<Object> path) {
        List<Object> at = new ArrayList<>(path);
        at.add(fn.field);
        Column col = column(model, field, principal, at, switch (fn) {
            case COUNT -> x -> true;
            case SUM, AVG -> Aggregates::summable;
            case MIN, MAX -> Aggregates::ordered;
        });
        return new Item(fn, field, col);
    }

    private static Column column(FilterModel model, String field, Principal principal, List<Object> path, java.util.function.Predicate<Column> allowed) {
        Column col = model.columns().get(field);
        if (col == null || !allowed.test(col)) throw ApiException.badUserInput(path, "`" + field + "` cannot be used here.");
        String scope = model.fieldScopes().get(field);
        if (scope != null) Auth.require(principal, scope);
        return col;
    }

    private static SqlFilter.Compiled filter(FilterModel model, Filter where, Filter rule) {
        return SqlFilter.compile(where, model.columns(), model.table()).and(SqlFilter.compile(rule, model.allColumns(), model.table()));
    }

    /** Results into nested maps: {@code {_sum: {price: …}, _count: {_all: …}}}. */
    private static void put(Map<String, Object> out, List<Item> items, ResultSet rs, int first, GraphQLSchema schema, String type) throws SQLException {
        for (Fn fn : Fn.values()) out.put(fn.field, new LinkedHashMap<String, Object>());
        int i = first;
        for (Item item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) out.get(item.fn().field);
            GraphQLEnumType e = item.field() != null && item.column().kind() == Column.Kind.ENUM ? enumType(schema, type + "MinMaxAggregate", item.field()) : null;
            group.put(item.field() == null ? "_all" : item.field(), item.read(rs, i++, e));
        }
    }

    /**
     * {@code having}: conditions on aggregates ({@code _count: {gt: 1}}, {@code _avg: {rating: {gte: 4}}}) with AND/OR/NOT,
     * as a {@link Filter} over the aggregates' "columns" ({@link #havingColumns}).
     */
    private static Filter having(Object input, FilterModel model, Principal principal, List<Object> path) {
        if (input == null) return Filter.ALL;
        List<Filter> all = new ArrayList<>();
        for (Map.Entry<String, Object> e : Inputs.object(input).entrySet()) {
            List<Object> at = new ArrayList<>(path);
            at.add(e.getKey());
            if (e.getValue() == null) continue;
            switch (e.getKey()) {
                case "AND", "OR" -> {
                    List<Filter> parts = new ArrayList<>();
                    for (Object each : (Collection<?>) e.getValue()) parts.add(having(each, model, principal, at));
                    all.add(e.getKey().equals("AND") ? Filter.and(parts) : Filter.or(parts));
                }
                case "NOT" -> all.add(Filter.not(having(e.getValue(), model, principal, at)));
                case "_count" -> all.add(Inputs.conditions(at, "_count", Inputs.object(e.getValue())));
                default -> {
                    Fn fn = Fn.of(e.getKey());
                    if (fn == null) throw ApiException.badUserInput(at, "Unknown aggregate `" + e.getKey() + "`.");
                    for (Map.Entry<String, Object> f : Inputs.object(e.getValue()).entrySet()) {
                        if (f.getValue() == null) continue;
                        Item item = item(fn, f.getKey(), model, principal, path);
                        List<Object> fieldPath = new ArrayList<>(at);
                        fieldPath.add(f.getKey());
                        all.add(Inputs.conditions(fieldPath, item.asColumn().field(), Inputs.object(f.getValue())));
                    }
                }
            }
        }
        return Filter.and(all);
    }

    /** Every aggregate a {@code having} may compare, by the name {@link #having} gives its condition. */
    private static Map<String, Column> havingColumns(FilterModel model) {
        Map<String, Column> out = new LinkedHashMap<>();
        Column all = new Item(Fn.COUNT, null, null).asColumn();
        out.put(all.field(), all);
        for (Column c : model.columns().values()) {
            for (Fn fn : Fn.values()) {
                boolean takes = switch (fn) {
                    case COUNT -> true;
                    case SUM, AVG -> summable(c);
                    case MIN, MAX -> ordered(c);
                };
                if (!takes) continue;
                Column col = new Item(fn, c.field(), c).asColumn();
                out.put(col.field(), col);
            }
        }
        return out;
    }

    /** {@code orderBy}: a grouped field, {@code _count} (rows per group), or an aggregate of a field. */
    private static String orderBy(Object input, FilterModel model, List<String> by, Principal principal) {
        if (input == null) return "";
        List<String> out = new ArrayList<>();
        int i = 0;
        for (Object each : (Collection<?>) input) {
            List<Object> at = List.of("orderBy", i++);
            Map<String, Object> entry = Inputs.object(each);
            if (entry.size() != 1) throw ApiException.badUserInput(at, "Each orderBy entry names exactly one field or aggregate.");
            Map.Entry<String, Object> e = entry.entrySet().iterator().next();
            Fn fn = Fn.of(e.getKey());
            if (fn == null) {
                if (!by.contains(e.getKey())) throw ApiException.badUserInput(at, "`" + e.getKey() + "` is not one of the fields grouped by.");
                out.add(model.columns().get(e.getKey()).sql() + direction(e.getValue()));
            } else if (fn == Fn.COUNT && !(e.getValue() instanceof Map)) {
                out.add("count(*)" + direction(e.getValue()));
            } else {
                Map<String, Object> fields = Inputs.object(e.getValue());
                if (fields.size() != 1) throw ApiException.badUserInput(at, "`" + e.getKey() + "` names exactly one field.");
                Map.Entry<String, Object> f = fields.entrySet().iterator().next();
                out.add(item(fn, f.getKey(), model, principal, at).sql() + direction(f.getValue()));
            }
        }
        return String.join(", ", out);
    }

    private static String direction(Object value) { return "desc".equals(String.valueOf(value)) ? " DESC" : " ASC"; }

    /** A plain column's value as the generated records hold it (an enum as its GraphQL enum's value). */
    private static Object value(ResultSet rs, int i, Column col, GraphQLEnumType enumType) throws SQLException {
        return switch (col.kind()) {
            case STRING -> rs.getString(i);
            case INT -> Jdbc.integer(rs, i);
            case BIGINT -> Jdbc.bigint(rs, i);
            case FLOAT -> Jdbc.floating(rs, i);
            case DECIMAL -> Jdbc.decimal(rs, i);
            case BOOLEAN -> Jdbc.bool(rs, i);
            case TIMESTAMP -> Jdbc.timestamp(rs, i);
            case TIMESTAMPTZ -> Jdbc.timestamptz(rs, i);
            case DATE -> Jdbc.date(rs, i);
            case TIME -> Jdbc.time(rs, i);
            case TIMETZ -> Jdbc.timetz(rs, i);
            case ENUM -> enumValue(rs.getString(i), enumType);
            default -> rs.getObject(i);
        };
    }

    /** The GraphQL enum value stored as {@code dbValue} (enum values map to Java enums that know their stored text). */
    private static Object enumValue(String dbValue, GraphQLEnumType type) {
        if (dbValue == null || type == null) return dbValue;
        for (GraphQLEnumValueDefinition v : type.getValues()) {
            Object value = v.getValue();
            if (value instanceof DbEnum e ? e.dbValue().equals(dbValue) : v.getName().equals(dbValue)) return value;
        }
        throw new IllegalStateException("unknown " + type.getName() + " value in the database: " + dbValue);
    }

    private static GraphQLEnumType enumType(GraphQLSchema schema, String objectType, String field) {
        if (!(schema.getType(objectType) instanceof GraphQLObjectType o)) return null;
        GraphQLFieldDefinition def = o.getFieldDefinition(field);
        return def != null && GraphQLTypeUtil.unwrapAll(def.getType()) instanceof GraphQLEnumType e ? e : null;
    }
}
