package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The list query behind every {@code findMany}: filter, ordering made total by the primary key, keyset (seek)
 * pagination from the cursor's values, one statement per page (plus one COUNT only when totalCount is asked for).
 */
public final class ListQuery<T> {
    /** Reads one row (columns 1..n in the repository's select order). */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final String table;
    private final String selectList;
    private final int selectWidth;
    private final Map<String, Column> columns;
    private final Map<String, Column> allColumns;
    private final List<String> key;
    private final RowReader<T> reader;

    /**
     * {@code columns}: what a client's filter and order may name; {@code allColumns}: what a row rule may name (rules are
     * the server's own, so hidden fields too).
     */
    public ListQuery(String table, String selectList, int selectWidth, Map<String, Column> columns, Map<String, Column> allColumns, List<String> key,
            RowReader<T> reader) {
        this.table = table;
        this.selectList = selectList;
        this.selectWidth = selectWidth;
        this.columns = columns;
        this.allColumns = allColumns;
        this.key = key;
        this.reader = reader;
    }

    public Page<T> run(Connection c, Filter where, List<OrderBy> orderBy, PageRequest page) throws SQLException {
        return run(c, where, Filter.ALL, orderBy, page);
    }

    /** A page of the rows that match {@code where} (the client's) and {@code rule} (the server's row rule). */
    public Page<T> run(Connection c, Filter where, Filter rule, List<OrderBy> orderBy, PageRequest page) throws SQLException {
        return run(c, where, rule, orderBy, page, selectList);
    }

    /** The same, with {@code select} (the same columns, some of them NULL: see {@link Projection}) as the SELECT list. */
    public Page<T> run(Connection c, Filter where, Filter rule, List<OrderBy> orderBy, PageRequest page, String select) throws SQLException {
        // a key across a relation is a subquery: its parameters are bound wherever its text appears
        Map<Column, List<Object[]>> keyParams = new java.util.HashMap<>();
        SortKeys keys = SortKeys.of(orderBy, o -> {
            if (o.expression() == null) {
                Column col = columns.get(o.field());
                if (col == null) throw ApiException.badUserInput(List.of("orderBy"), "Unknown field `" + o.field() + "`.");
                return col;
            }
            OrderBy.Sql expr = o.expression().sql().apply(table);
            Column col = new Column(o.field(), expr.text(), o.expression().cast(), o.expression().kind(), o.expression().nullable());
            keyParams.put(col, expr.params());
            return col;
        }, key.stream().map(columns::get).toList());
        List<Column> sortColumns = keys.columns();
        List<Boolean> descending = keys.descending();
        List<Boolean> nullsLast = keys.nullsLast();
        StringBuilder fingerprint = new StringBuilder();
        for (OrderBy o : keys.used()) fingerprint.append(o.field()).append(o.descending() ? "-" : "+").append(o.nulls() == null ? "" : o.nullsLast() ? "L" : "F");
        // distinct: the first row per distinct values in this order (DISTINCT ON), then the page over those rows
        List<Column> distinct = new ArrayList<>();
        for (String f : page.distinct()) {
            Column col = columns.get(f);
            if (col == null) throw ApiException.badUserInput(List.of("distinct"), "Unknown field `" + f + "`.");
            if (!distinct.contains(col)) distinct.add(col);
        }
        if (!distinct.isEmpty() && !keyParams.isEmpty())
            throw ApiException.badUserInput(List.of("distinct"), "`distinct` goes with an ordering by the list's own fields, not across relations.");
        if (!distinct.isEmpty()) fingerprint.append("|distinct:").append(page.distinct());
        String orderFingerprint = Integer.toHexString(fingerprint.toString().hashCode());
        boolean backward = page.backward();
        SqlFilter.Compiled filter = SqlFilter.compile(where, columns, table).and(SqlFilter.compile(rule, allColumns, table));
        // every placeholder's value in the order of the text: {column, value, bound as text?}
        List<Object[]> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(select);
        for (int k = 0; k < sortColumns.size(); k++) {
            sql.append(", ").append(ref(sortColumns.get(k), keyParams, binds)).append("::text AS \"_cursor").append(k).append('"');
        }
        String distinctOn = String.join(", ", distinct.stream().map(Column::sql).toList());
        if (distinct.isEmpty()) sql.append(" FROM ").append(table).append(" WHERE ").append(filter.sql());
        else {
            StringBuilder inner = new StringBuilder();
            for (int i = 0; i < sortColumns.size(); i++) inner.append(", ").append(sortColumns.get(i).sql()).append(OrderBy.sql(descending.get(i), nullsLast.get(i), false));
            // named like the table, so the outer query reads its columns as it would the table's
            String alias = table.substring(table.lastIndexOf("\".\"") < 0 ? 0 : table.lastIndexOf("\".\"") + 2);
            if (!alias.startsWith("\"")) alias = "\"" + alias;
            sql.append(" FROM (SELECT DISTINCT ON (").append(distinctOn).append(") * FROM ").append(table).append(" WHERE ").append(filter.sql()).append(" ORDER BY ")
                    .append(distinctOn).append(inner).append(") AS ").append(alias).append(" WHERE TRUE");
        }
        for (Object[] p : filter.params()) binds.add(new Object[] {p[0], p[1], false});
        List<String> position = page.cursor() == null ? null
                : Cursors.decode(page.cursor(), page.before() != null ? "before" : "after", orderFingerprint, sortColumns.size());
        if (position != null) sql.append(" AND ").append(seek(sortColumns, descending, nullsLast, position, backward, keyParams, binds));
        sql.append(" ORDER BY ");
        for (int i = 0; i < sortColumns.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(ref(sortColumns.get(i), keyParams, binds)).append(OrderBy.sql(descending.get(i), nullsLast.get(i), backward));
        }
        int size = page.size();
        sql.append(" LIMIT ").append(size + 1);
        List<Page.Edge<T>> edges = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object[] b : binds) {
                if ((Boolean) b[2]) Jdbc.bindText(ps, i++, (String) b[1]);
                else Jdbc.bind(ps, i++, (Column) b[0], b[1]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (edges.size() == size) {
                        more = true;
                        break;
                    }
                    List<String> values = new ArrayList<>(sortColumns.size());
                    for (int k = 0; k < sortColumns.size(); k++) values.add(rs.getString(selectWidth + 1 + k));
                    edges.add(new Page.Edge<>(Cursors.encode(orderFingerprint, values), reader.read(rs)));
                }
            }
        }
        if (backward) Collections.reverse(edges);
        Integer total = page.withTotalCount() ? count(c, filter, distinctOn) : null;
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        Page.PageInfo info = backward
                ? new Page.PageInfo(page.before() != null, more, start, end)
                : new Page.PageInfo(more, page.after() != null, start, end);
        return new Page<>(List.copyOf(edges), info, total);
    }

    /** A sort key's SQL where it appears: its parameters (a relation key's) join the binds at this point. */
    private static String ref(Column col, Map<Column, List<Object[]>> keyParams, List<Object[]> binds) {
        for (Object[] p : keyParams.getOrDefault(col, List.of())) binds.add(new Object[] {p[0], p[1], false});
        return col.sql();
    }

    private int count(Connection c, SqlFilter.Compiled filter, String distinctOn) throws SQLException {
        String sql = distinctOn.isEmpty() ? "SELECT count(*) FROM " + table + " WHERE " + filter.sql()
                : "SELECT count(*) FROM (SELECT DISTINCT ON (" + distinctOn + ") 1 FROM " + table + " WHERE " + filter.sql() + ") AS \"_distinct\"";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object[] p : filter.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Rows strictly after (or, paging backward, before) the cursor's position in the sort order: an OR over each
     * prefix of equal keys followed by one key beyond. NULLs sit after or before the values as each key says.
     */
    private static String seek(List<Column> cols, List<Boolean> descending, List<Boolean> nullsLast, List<String> position, boolean backward,
            Map<Column, List<Object[]>> keyParams, List<Object[]> binds) {
        StringBuilder or = new StringBuilder("(");
        for (int i = 0; i < cols.size(); i++) {
            StringBuilder and = new StringBuilder();
            for (int j = 0; j < i; j++) {
                Column col = cols.get(j);
                String v = position.get(j);
                if (and.length() > 0) and.append(" AND ");
                if (v == null) and.append(ref(col, keyParams, binds)).append(" IS NULL");
                else {
                    and.append(ref(col, keyParams, binds)).append(" = ").append(col.param());
                    binds.add(new Object[] {col, v, true});
                }
            }
            Column col = cols.get(i);
            String v = position.get(i);
            boolean greater = !descending.get(i) ^ backward;
            // in the order this page is read, do NULLs come after the values?
            boolean nullsAfter = nullsLast.get(i) ^ backward;
            if (and.length() > 0) and.append(" AND ");
            if (v == null) and.append(nullsAfter ? "FALSE" : ref(col, keyParams, binds) + " IS NOT NULL");
            else {
                String cmp = ref(col, keyParams, binds) + (greater ? " > " : " < ") + col.param();
                binds.add(new Object[] {col, v, true});
                if (nullsAfter && col.nullable()) and.append('(').append(cmp).append(" OR ").append(ref(col, keyParams, binds)).append(" IS NULL)");
                else and.append(cmp);
            }
            or.append(i > 0 ? " OR " : "").append('(').append(and).append(')');
        }
        return or.append(')').toString();
    }
}
