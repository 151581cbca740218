package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a prepared statement and reads its rows; parameters come as (Column, value) pairs. */
public final class Rows {
    private Rows() {}

    public static <T> Optional<T> one(Connection c, String sql, ListQuery.RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    public static <T> List<T> many(Connection c, String sql, ListQuery.RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(reader.read(rs));
                return out;
            }
        }
    }

    /**
     * Rows whose key column is any of {@code values} and that pass {@code rule}: one statement, the values bound as one
     * array ({@code keyCondition} holds its one placeholder), then the rule's parameters.
     */
    public static <T> List<T> in(Connection c, String select, String keyCondition, String orderBy, Filter rule, Map<String, Column> columns,
            ListQuery.RowReader<T> reader, Collection<?> values) throws SQLException {
        if (values.isEmpty()) return List.of();
        SqlFilter.Compiled r = SqlFilter.compile(rule, columns, table(select));
        String sql = select + " WHERE " + keyCondition + (rule.isAll() ? "" : " AND (" + r.sql() + ")") + " ORDER BY " + orderBy;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = Keys.bind(ps, 1, c, values);
            for (Object[] p : r.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(reader.read(rs));
                return out;
            }
        }
    }

    /** The one table a generated {@code SELECT … FROM "t"} reads, for relation filters to correlate with; null for a join. */
    private static String table(String select) {
        String from = select.substring(select.lastIndexOf(" FROM ") + 6).trim();
        return from.matches("(\"[^\"]+\"\\.)?\"[^\"]+\"") ? from : null;
    }

    /** Whether the row with this key passes {@code rule} (a row rule checked around a write, inside its transaction). */
    public static boolean visible(Connection c, String table, String keyCondition, Filter rule, Map<String, Column> columns, Object... keyParams)
            throws SQLException {
        SqlFilter.Compiled r = SqlFilter.compile(rule, columns);
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + keyCondition + " AND (" + r.sql() + ")")) {
            int i = 1;
            for (int k = 0; k < keyParams.length; k += 2) Jdbc.bind(ps, i++, (Column) keyParams[k], keyParams[k + 1]);
            for (Object[] p : r.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Rows whose {@code column} is any of {@code values}: one statement, the values bound as one array. */
    public static <T> List<T> in(Connection c, String sql, ListQuery.RowReader<T> reader, Collection<?> values) throws SQLException {
        if (values.isEmpty()) return List.of();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Keys.bind(ps, 1, c, values);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(reader.read(rs));
                return out;
            }
        }
    }

    /**
     * The first {@code limit} rows per key (a to-many relation with {@code first}/{@code orderBy}), for every key in one
     * statement: {@code row_number()} over each key's rows in the requested order, the primary key breaking ties; of the
     * rows that pass the row rule {@code rule} (over {@code ruleColumns}), from {@code start} on.
     */
    public static <T> List<T> firstPerKey(Connection c, String table, String selectList, Column keyColumn, Collection<?> keys, Map<String, Column> columns,
            List<OrderBy> orderBy, List<String> primaryKey, int limit, Filter rule, Map<String, Column> ruleColumns, ListQuery.RowReader<T> reader, Start start)
            throws SQLException {
        return firstPerKey(c, table, selectList, List.of(keyColumn), keys, columns, orderBy, primaryKey, limit, rule, ruleColumns, reader, start);
    }

    /** The same over a composite foreign key: each key is the list of {@code keyColumns}' values. */
    public static <T> List<T> firstPerKey(Connection c, String table, String selectList, List<Column> keyColumns, Collection<?> keys, Map<String, Column> columns,
            List<OrderBy> orderBy, List<String> primaryKey, int limit, Filter rule, Map<String, Column> ruleColumns, ListQuery.RowReader<T> reader, Start start)
            throws SQLException {
        if (keys.isEmpty() || limit <= 0) return List.of();
        OrderBy.Sql order = order(orderBy, columns, primaryKey, "", table);
        SqlFilter.Compiled r = SqlFilter.compile(rule, ruleColumns, table);
        List<Object[]> startParams = new ArrayList<>();
        String from = start.cursor() == null ? "" : " AND " + start.condition(table, table, columns, orderBy, primaryKey, rule, ruleColumns, startParams);
        List<String> keySql = keyColumns.stream().map(Column::sql).toList();
        String sql = "SELECT * FROM (SELECT " + selectList + ", row_number() OVER (PARTITION BY " + String.join(", ", keySql) + " ORDER BY " + order.text()
                + ") AS \"_rank\" FROM " + table + " WHERE " + Keys.condition(keySql, keyColumns.stream().map(Column::cast).toList())
                + (rule.isAll() ? "" : " AND (" + r.sql() + ")") + from + ") ranked WHERE \"_rank\" > ? AND \"_rank\" <= ? ORDER BY \"_rank\"";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object[] p : order.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            i = Keys.bind(ps, i, c, keys);
            for (Object[] p : r.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            for (Object[] p : startParams) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            ps.setLong(i++, start.skip());
            ps.setLong(i, (long) start.skip() + limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(reader.read(rs));
                return out;
            }
        }
    }

    /**
     * {@link #firstPerKey} through an implicit many-to-many join table: the first {@code limit} target rows linked to each
     * key, in {@code orderBy} order (the target's key breaking ties), among the rows {@code rule} lets through, from
     * {@code start} on; one statement. {@code selectList} reads the target's columns aliased {@code t}; the link's key
     * follows them.
     */
    public static <K, T> Map<K, List<T>> firstPerKeyThrough(Connection c, String table, String selectList, String joinTable, String joinOuter, String joinInner,
            String targetKey, String keyCast, Collection<K> keys, Map<String, Column> columns, List<OrderBy> orderBy, List<String> primaryKey, int limit,
            Filter rule, ListQuery.RowReader<T> reader, int width, Start start) throws SQLException {
        Map<K, List<T>> out = new java.util.LinkedHashMap<>();
        if (keys.isEmpty() || limit <= 0) return out;
        OrderBy.Sql order = order(orderBy, columns, primaryKey, "t.", "t");
        SqlFilter.Compiled r = SqlFilter.compile(rule, columns, table);
        String target = rule.isAll() ? table : "(SELECT * FROM " + table + " WHERE " + r.sql() + ")";
        List<Object[]> startParams = new ArrayList<>();
        String from = start.cursor() == null ? "" : " AND " + start.condition(table, "t", columns, orderBy, primaryKey, rule, columns, startParams);
        String sql = "SELECT * FROM (SELECT " + selectList + ", j." + joinOuter + " AS \"_key\", row_number() OVER (PARTITION BY j." + joinOuter + " ORDER BY " + order.text()
                + ") AS \"_rank\" FROM " + joinTable + " j JOIN " + target + " t ON t." + targetKey + " = j." + joinInner + " WHERE j." + joinOuter + " = ANY(?::"
                + keyCast + "[])" + from + ") ranked WHERE \"_rank\" > ? AND \"_rank\" <= ? ORDER BY \"_rank\"";
        Map<String, K> byText = new java.util.HashMap<>();
        for (K k : keys) byText.put(String.valueOf(k), k);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object[] p : order.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            for (Object[] p : r.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            ps.setArray(i++, Batches.textArray(c, keys));
            for (Object[] p : startParams) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            ps.setLong(i++, start.skip());
            ps.setLong(i, (long) start.skip() + limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    K k = byText.get(rs.getString(width + 1));
                    if (k != null) out.computeIfAbsent(k, x -> new ArrayList<>()).add(reader.read(rs));
                }
            }
        }
        return out;
    }

    /**
     * A window's ORDER BY: the requested keys (nulls where asked, else as PostgreSQL puts them; a relation key as its
     * subquery over the row {@code outer} names), then the primary key for a total order; with the keys' parameters.
     */
    private static OrderBy.Sql order(List<OrderBy> orderBy, Map<String, Column> columns, List<String> primaryKey, String alias, String outer) {
        StringBuilder order = new StringBuilder();
        List<Object[]> params = new ArrayList<>();
        for (OrderBy o : orderBy) {
            String key;
            if (o.expression() != null) {
                OrderBy.Sql expr = o.expression().sql().apply(outer);
                key = expr.text();
                params.addAll(expr.params());
            } else {
                Column col = columns.get(o.field());
                if (col == null) throw ApiException.badUserInput(List.of("orderBy"), "Unknown field `" + o.field() + "`.");
                key = alias + col.sql();
            }
            order.append(order.length() > 0 ? ", " : "").append(key).append(OrderBy.sql(o.descending(), o.nullsLast(), false));
        }
        for (String k : primaryKey) order.append(order.length() > 0 ? ", " : "").append(alias).append(columns.get(k).sql());
        return new OrderBy.Sql(order.toString(), params);
    }

    public static <T> Optional<T> write(Connection c, String sql, Writes writes, ListQuery.RowReader<T> reader, Object... keyParams) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = writes.bind(ps, 1);
            for (int i = 0; i < keyParams.length; i += 2) Jdbc.bind(ps, next++, (Column) keyParams[i], keyParams[i + 1]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i += 2) Jdbc.bind(ps, i / 2 + 1, (Column) params[i], params[i + 1]);
    }
}
