package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write side of subscriptions: inside a write's transaction, a PostgreSQL {@code NOTIFY} on {@link #CHANNEL} says
 * which rows of which type were created, updated or deleted. PostgreSQL delivers it to every listening API instance at
 * commit, in commit order, and never for a rolled-back write. Created and updated rows travel as keys (subscribers read
 * them as they may see them); a deleted row is gone by then, so its last version is kept in {@code dbtool_events} first
 * and the notification names that batch.
 */
public final class Events {
    public static final String CHANNEL = "dbtool_events";
    /** Notification payloads stay below PostgreSQL's 8000-byte limit; more keys go in more notifications. */
    static final int MAX_PAYLOAD = 7000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Op { CREATED, UPDATED, DELETED }

    private Events() {}

    /** Rows of {@code type} with these keys were created or updated (each key: the key fields' values in order). */
    public static void changed(Connection c, String type, Op op, List<List<Object>> keys) throws SQLException {
        if (keys.isEmpty()) return;
        List<List<Object>> chunk = new ArrayList<>();
        int size = 0;
        for (List<Object> k : keys) {
            int length = text(k).length() + 1;
            if (!chunk.isEmpty() && size + length > MAX_PAYLOAD) {
                notify(c, type, op, chunk);
                chunk = new ArrayList<>();
                size = 0;
            }
            chunk.add(k);
            size += length;
        }
        notify(c, type, op, chunk);
    }

    /**
     * Before rows of {@code type} are deleted: their current versions (as {@code to_jsonb} gives them), locked, into
     * {@code dbtool_events} under one batch id, and one notification naming the batch (when there is any row). {@code
     * where} selects the rows from {@code table} aliased {@code "d"}, its parameters in order.
     */
    public static void deleting(Connection c, String type, String table, String where, List<Object[]> params) throws SQLException {
        String batch = UUID.randomUUID().toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("op", Op.DELETED.name());
        payload.put("batch", batch);
        String sql = "WITH \"gone\" AS (SELECT to_jsonb(\"d\") AS \"row\" FROM " + table + " AS \"d\" WHERE " + where + " FOR UPDATE), "
                + "\"e\" AS (INSERT INTO \"dbtool_events\" (\"batch\", \"type\", \"row\") SELECT ?::uuid, ?, \"row\" FROM \"gone\" RETURNING 1) "
                + "SELECT pg_notify(?, ?) FROM (SELECT count(*) AS \"n\" FROM \"e\") AS \"x\" WHERE \"n\" > 0";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object[] p : params) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            ps.setString(i++, batch);
            ps.setString(i++, type);
            ps.setString(i++, CHANNEL);
            ps.setString(i, write(payload));
            ps.execute();
        }
    }

    /** {@link #deleting} of the rows a client's filter ({@code columns}) and the caller's row rule ({@code allColumns}) select. */
    public static void deletingWhere(Connection c, String type, String table, Filter where, java.util.Map<String, Column> columns, Filter rule,
            java.util.Map<String, Column> allColumns) throws SQLException {
        String d = "\"d\"";
        SqlFilter.Compiled f = SqlFilter.compile(where, SqlFilter.qualified(columns, d), d).and(SqlFilter.compile(rule, SqlFilter.qualified(allColumns, d), d));
        deleting(c, type, table, f.sql(), f.params());
    }

    /** {@link #deleting} of the one row with these key values. */
    public static void deletingRow(Connection c, String type, String table, List<Column> key, List<Object> values) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object[]> params = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            where.append(i > 0 ? " AND " : "").append("\"d\".").append(key.get(i).sql()).append(" = ").append(key.get(i).param());
            params.add(new Object[] {key.get(i), values.get(i)});
        }
        deleting(c, type, table, where.toString(), params);
    }

    private static void notify(Connection c, String type, Op op, List<List<Object>> keys) throws SQLException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("op", op.name());
        payload.put("keys", keys);
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, write(payload));
            ps.execute();
        }
    }

    private static String text(List<Object> key) { return write(key); }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
