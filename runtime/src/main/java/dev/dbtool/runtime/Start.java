package dev.dbtool.runtime;

import java.util.List;
import java.util.Map;

/**
 * Where a relation list starts, as Prisma's {@code cursor}/{@code skip} say it: at the row the cursor names (one of
 * the target's unique fields, {@code {id: 5}}, or its composite key's compound), inclusive, in the list's order, then {@code skip} rows further. Every
 * parent's list starts at that row's place in the order (one statement for all of them); a cursor naming no row the
 * caller may see gives empty lists.
 */
public record Start(Map<String, Object> cursor, int skip) {
    public Start {
        cursor = cursor == null ? null : Map.copyOf(cursor);
        if (skip < 0) throw ApiException.badUserInput(List.of("skip"), "`skip` must not be negative.");
    }

    /** From a relation field's {@code cursor} and {@code skip} arguments. */
    public static Start of(Object cursor, Integer skip) {
        Map<String, Object> at = null;
        if (cursor != null) {
            // explicit nulls name nothing (and Map.copyOf refuses them)
            at = new java.util.HashMap<>();
            for (Map.Entry<String, Object> e : Inputs.object(cursor).entrySet()) if (e.getValue() != null) at.put(e.getKey(), e.getValue());
            if (at.size() != 1) throw ApiException.badUserInput(List.of("cursor"), "A cursor names exactly one unique field.");
        }
        return new Start(at, skip == null ? 0 : skip);
    }

    public boolean atFirst() { return cursor == null && skip == 0; }

    /**
     * SQL that holds for the target rows (columns qualified by {@code outer}) at or after the cursor row in this
     * order; its parameters go to {@code params}. The cursor row is read under the same row rule ({@code rule}).
     */
    String condition(String table, String outer, Map<String, Column> columns, List<OrderBy> orderBy, List<String> primaryKey, Filter rule,
            Map<String, Column> ruleColumns, List<Object[]> params) {
        String c = "\"_cursor\"";
        Map.Entry<String, Object> e = cursor.entrySet().iterator().next();
        // one unique field ({id: 5}), or a composite key's compound ({followerId_followingId: {followerId: …, followingId: …}})
        Map<String, Object> named = e.getValue() instanceof Map<?, ?> ? Inputs.object(e.getValue()) : Map.of(e.getKey(), e.getValue());
        StringBuilder cursorRow = new StringBuilder();
        List<Object[]> atParams = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> part : named.entrySet()) {
            Column unique = columns.get(part.getKey());
            if (unique == null) throw ApiException.badUserInput(List.of("cursor"), "Unknown field `" + part.getKey() + "`.");
            if (part.getValue() == null) throw ApiException.badUserInput(List.of("cursor", e.getKey()), "Pass every field of the key.");
            cursorRow.append(cursorRow.length() > 0 ? " AND " : "").append(c).append('.').append(unique.sql()).append(" = ").append(unique.param());
            atParams.add(new Object[] {unique, part.getValue()});
        }
        SortKeys order = SortKeys.of(orderBy, o -> {
            Column col = columns.get(o.field());
            if (col == null) throw ApiException.badUserInput(List.of("orderBy"), "Unknown field `" + o.field() + "`.");
            return col;
        }, primaryKey.stream().map(k -> columns.get(k) != null ? columns.get(k) : ruleColumns.get(k)).toList());
        List<Column> keys = order.columns();
        List<Boolean> descending = order.descending();
        List<Boolean> nullsLast = order.nullsLast();
        // at or after: equal on every key, or for some key equal on the ones before it and beyond on it
        StringBuilder or = new StringBuilder();
        for (int i = 0; i <= keys.size(); i++) {
            StringBuilder and = new StringBuilder();
            for (int j = 0; j < Math.min(i, keys.size()); j++) {
                and.append(and.length() > 0 ? " AND " : "").append(outer).append('.').append(keys.get(j).sql()).append(" IS NOT DISTINCT FROM ").append(c).append('.')
                        .append(keys.get(j).sql());
            }
            if (i < keys.size()) {
                String t = outer + "." + keys.get(i).sql();
                String at = c + "." + keys.get(i).sql();
                String beyond = "(" + t + (descending.get(i) ? " < " : " > ") + at + (nullsLast.get(i) ? " OR " + t + " IS NULL" : "") + ")";
                String fromNull = nullsLast.get(i) ? "FALSE" : t + " IS NOT NULL";
                and.append(and.length() > 0 ? " AND " : "").append("CASE WHEN ").append(at).append(" IS NULL THEN ").append(fromNull).append(" ELSE ")
                        .append(beyond).append(" END");
            }
            or.append(or.length() > 0 ? " OR " : "").append('(').append(and).append(')');
        }
        SqlFilter.Compiled r = SqlFilter.compile(rule, SqlFilter.qualified(ruleColumns, c), c);
        params.addAll(atParams);
        params.addAll(r.params());
        return "EXISTS (SELECT 1 FROM " + table + " AS " + c + " WHERE " + cursorRow + " AND (" + r.sql() + ") AND (" + or + "))";
    }
}
