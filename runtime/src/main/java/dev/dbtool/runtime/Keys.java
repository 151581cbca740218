package dev.dbtool.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Relation keys of one or several columns. A single-column key is its value; a composite one (a foreign key of
 * several columns) is the list of its values, which a DataLoader compares by value. Either way a batch of keys is
 * bound as one array per column, so a level of relations stays one statement.
 */
public final class Keys {
    private Keys() {}

    /** A composite key, or null when a part is null (as in SQL, such a foreign key refers to no row). */
    public static List<Object> of(Object... parts) {
        for (Object p : parts) if (p == null) return null;
        return List.of(parts);
    }

    /**
     * SQL that holds when {@code columns} (already qualified) match one of the bound keys: {@code c = ANY(?::t[])}, or
     * for several columns {@code (c1, c2) IN (SELECT * FROM unnest(?::t1[], ?::t2[]))} (an index on the columns serves both).
     */
    public static String condition(List<String> columns, List<String> casts) {
        if (columns.size() == 1) return columns.get(0) + " = ANY(?::" + casts.get(0) + "[])";
        StringBuilder arrays = new StringBuilder();
        for (String cast : casts) arrays.append(arrays.length() > 0 ? ", " : "").append("?::").append(cast).append("[]");
        return "(" + String.join(", ", columns) + ") IN (SELECT * FROM unnest(" + arrays + "))";
    }

    /** Binds {@code keys} for {@link #condition} from {@code index} on: one text array per column. Returns the next index. */
    public static int bind(PreparedStatement ps, int index, Connection c, Collection<?> keys) throws SQLException {
        Object first = keys.isEmpty() ? null : keys.iterator().next();
        if (!(first instanceof List<?> parts)) {
            ps.setArray(index, Batches.textArray(c, keys));
            return index + 1;
        }
        for (int j = 0; j < parts.size(); j++) {
            Object[] column = new Object[keys.size()];
            int i = 0;
            for (Object k : keys) column[i++] = String.valueOf(((List<?>) k).get(j));
            ps.setArray(index++, c.createArrayOf("text", column));
        }
        return index;
    }

    /** A key's text, as {@link #textSql} computes it in the database (to match rows read back to their keys). */
    public static String text(Object key) {
        if (!(key instanceof List<?> parts)) return String.valueOf(key);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) b.append(i > 0 ? "\u001f" : "").append(parts.get(i));
        return b.toString();
    }

    /** The SQL of a key's text over these (qualified) columns: parts joined by the unit separator. */
    public static String textSql(List<String> columns) {
        if (columns.size() == 1) return columns.get(0) + "::text";
        return "concat_ws(chr(31), " + String.join(", ", columns.stream().map(c -> c + "::text").toList()) + ")";
    }
}
