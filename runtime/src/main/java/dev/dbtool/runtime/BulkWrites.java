package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code updateMany} / {@code deleteMany}: one statement over the rows a client's filter and the caller's row rule
 * select (relation filters included), returning the written rows' keys for the cache. An update may not move a row
 * out of the caller's sight: the rule is checked again on the changed rows, and the transaction fails if one left it.
 */
public final class BulkWrites {
    private BulkWrites() {}

    /** The keys of the rows changed (or, with nothing to set, of the rows selected). */
    public static List<List<Object>> update(Connection c, String table, Writes writes, Filter where, Map<String, Column> columns, Filter rule,
            Map<String, Column> allColumns, List<Column> key, String type) throws SQLException {
        SqlFilter.Compiled filter = SqlFilter.compile(where, columns, table).and(SqlFilter.compile(rule, allColumns, table));
        String returning = String.join(", ", key.stream().map(Column::sql).toList());
        String sql = writes.isEmpty() ? "SELECT " + returning + " FROM " + table + " WHERE " + filter.sql() : writes.update(table, filter.sql(), returning);
        List<List<Object>> keys;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = writes.bind(ps, 1);
            for (Object[] p : filter.params()) Jdbc.bind(ps, next++, (Column) p[0], p[1]);
            keys = keys(ps, key.size());
        }
        if (!writes.isEmpty()) mustStayVisible(c, table, keys, key, rule, allColumns, type);
        return keys;
    }

    /** Fails (FORBIDDEN, the transaction rolls back) when a written row is one {@code rule} hides from the caller: one statement. */
    public static void mustStayVisible(Connection c, String table, List<List<Object>> keys, List<Column> key, Filter rule, Map<String, Column> allColumns, String type)
            throws SQLException {
        if (rule.isAll() || keys.isEmpty()) return;
        SqlFilter.Compiled hidden = SqlFilter.compile(Filter.not(rule), allColumns, table);
        String keyList = key.size() == 1 ? key.get(0).sql() + "::text = ANY(?)" : "(" + String.join(" || '|' || ", key.stream().map(k -> k.sql() + "::text").toList()) + ") = ANY(?)";
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + keyList + " AND " + hidden.sql() + " LIMIT 1")) {
            ps.setArray(1, Batches.textArray(c, keys.stream().map(k -> String.join("|", k.stream().map(String::valueOf).toList())).toList()));
            int i = 2;
            for (Object[] p : hidden.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) throw ApiException.hiddenRow(type);
            }
        }
    }

    /** The keys of the rows deleted. */
    public static List<List<Object>> delete(Connection c, String table, Filter where, Map<String, Column> columns, Filter rule, Map<String, Column> allColumns,
            List<Column> key) throws SQLException {
        SqlFilter.Compiled filter = SqlFilter.compile(where, columns, table).and(SqlFilter.compile(rule, allColumns, table));
        String returning = String.join(", ", key.stream().map(Column::sql).toList());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + filter.sql() + " RETURNING " + returning)) {
            int i = 1;
            for (Object[] p : filter.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            return keys(ps, key.size());
        }
    }

    /** Key values as the generated records hold them (a uuid as its text). */
    private static List<List<Object>> keys(PreparedStatement ps, int width) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (ResultSet rs = ps.execute() ? ps.getResultSet() : null) {
            while (rs != null && rs.next()) {
                List<Object> k = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    Object v = rs.getObject(i);
                    k.add(v instanceof java.util.UUID u ? u.toString() : v);
                }
                out.add(k);
            }
        }
        return out;
    }
}
