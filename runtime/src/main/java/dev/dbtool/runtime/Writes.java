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

    int bind(PreparedStatement ps, int from) throws SQLException {
        for (int i = 0; i < columns.size(); i++) Jdbc.bind(ps, from + i, columns.get(i), values.get(i));
        return from + columns.size();
    }
}
