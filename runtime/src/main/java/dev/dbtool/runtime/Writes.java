package dev.dbtool.runtime;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The columns an INSERT or UPDATE sets, each value a bound parameter cast to its column's type. */
public final class Writes {
    private final List<Column> columns = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    public Writes set(Column column, Object value) {
        columns.add(column);
        values.add(value);
        return this;
    }

    public boolean isEmpty() { return columns.isEmpty(); }

    public String insert(String table, String returning) {
        if (columns.isEmpty()) return "INSERT INTO " + table + " DEFAULT VALUES RETURNING " + returning;
        StringBuilder names = new StringBuilder();
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            names.append(i > 0 ? ", " : "").append(columns.get(i).sql());
            params.append(i > 0 ? ", " : "").append(columns.get(i).param());
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + params + ") RETURNING " + returning;
    }

    public String update(String table, String where, String returning) {
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) set.append(i > 0 ? ", " : "").append(columns.get(i).sql()).append(" = ").append(columns.get(i).param());
        return "UPDATE " + table + " SET " + set + " WHERE " + where + " RETURNING " + returning;
    }

    /**
     * Inserts every row in as few statements as PostgreSQL's parameter limit allows: the union of the rows' columns,
     * {@code DEFAULT} where a row leaves one out; with {@code skipDuplicates}, rows that meet a unique constraint are
     * skipped ({@code ON CONFLICT DO NOTHING}). The inserted rows' {@code key} values, as the records hold them.
     */
    public static List<List<Object>> insertMany(java.sql.Connection c, String table, List<Writes> rows, List<Column> key, boolean skipDuplicates)
            throws SQLException {
        List<List<Object>> keys = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            java.util.LinkedHashMap<String, Column> union = new java.util.LinkedHashMap<>();
            int to = from;
            int params = 0;
            while (to < rows.size() && (to == from || params + rows.get(to).columns.size() <= MAX_PARAMETERS)) {
                for (Column col : rows.get(to).columns) union.putIfAbsent(col.sql(), col);
                params += rows.get(to).columns.size();
                to++;
            }
            List<Column> columns = List.copyOf(union.values());
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table);
            if (!columns.isEmpty()) sql.append(" (").append(String.join(", ", columns.stream().map(Column::sql).toList())).append(")");
            sql.append(columns.isEmpty() ? " SELECT FROM generate_series(1, " + (to - from) + ")" : " VALUES ");
            for (int r = from; r < to && !columns.isEmpty(); r++) {
                Writes w = rows.get(r);
                sql.append(r > from ? ", (" : "(");
                for (int i = 0; i < columns.size(); i++) {
                    int at = w.columns.indexOf(columns.get(i));
                    sql.append(i > 0 ? ", " : "").append(at >= 0 ? columns.get(i).param() : "DEFAULT");
                }
                sql.append(')');
            }
            if (skipDuplicates) sql.append(" ON CONFLICT DO NOTHING");
            sql.append(" RETURNING ").append(String.join(", ", key.stream().map(Column::sql).toList()));
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (int r = from; r < to; r++) {
                    Writes w = rows.get(r);
                    for (Column col : columns) {
                        int at = w.columns.indexOf(col);
                        if (at >= 0) Jdbc.bind(ps, p++, col, w.values.get(at));
                    }
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Object> k = new ArrayList<>(key.size());
                        for (int i = 1; i <= key.size(); i++) {
                            Object v = rs.getObject(i);
                            k.add(v instanceof java.util.UUID u ? u.toString() : v);
                        }
                        keys.add(k);
                    }
                }
            }
            from = to;
        }
        return keys;
    }

    /** Bound parameters per statement, below PostgreSQL's 65,535. */
    static final int MAX_PARAMETERS = 30_000;

    int bind(PreparedStatement ps, int from) throws SQLException {
        for (int i = 0; i < columns.size(); i++) Jdbc.bind(ps, from + i, columns.get(i), values.get(i));
        return from + columns.size();
    }
}
