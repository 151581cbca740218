package dev.dbtool.database.advisor;

import dev.dbtool.generators.advisor.ExistingIndex;
import dev.dbtool.generators.advisor.IndexKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the advisor needs from the catalog: user tables with their columns, sizes and writes; their indexes. */
public record CatalogFacts(int serverVersion, Map<String, Set<String>> columns, Map<String, Table> tables, List<ExistingIndex> indexes) {
    // int2vector subscripts start at 0 (indkey[0] is the first key column); indnkeyatts leaves INCLUDE columns out

    /** Sizes and write volume of a table ({@code writes}: rows inserted, updated and deleted since the statistics reset). */
    public record Table(String key, double rows, long pages, long writes) {}

    static final String USER_RELATIONS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'";

    public static CatalogFacts read(Connection c) throws SQLException {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        List<ExistingIndex> indexes = new ArrayList<>();
        int version;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
                rs.next();
                version = Integer.parseInt(rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT n.nspname || '.' || t.relname, a.attname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace "
                    + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped WHERE t.relkind IN ('r', 'p') AND " + USER_RELATIONS
                    + " ORDER BY 1, a.attnum")) {
                while (rs.next()) columns.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
            }
            try (ResultSet rs = st.executeQuery("SELECT n.nspname || '.' || t.relname, greatest(t.reltuples, 0), t.relpages, "
                    + "coalesce(s.n_tup_ins + s.n_tup_upd + s.n_tup_del, 0) FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace "
                    + "LEFT JOIN pg_stat_user_tables s ON s.relid = t.oid WHERE t.relkind IN ('r', 'p') AND " + USER_RELATIONS)) {
                while (rs.next()) tables.put(rs.getString(1), new Table(rs.getString(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4)));
            }
            try (ResultSet rs = st.executeQuery("SELECT n.nspname || '.' || t.relname, i.relname, x.indisvalid, x.indisunique, pg_get_expr(x.indpred, x.indrelid), "
                    + "array_to_string(ARRAY(SELECT coalesce(a.attname, '') || ':' || ((x.indoption[k.i] & 1)::text) FROM generate_series(0, x.indnkeyatts - 1) AS k(i) "
                    + "LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.i] ORDER BY k.i), ',') "
                    + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                    + "WHERE " + USER_RELATIONS + " ORDER BY 1, 2")) {
                while (rs.next()) {
                    List<IndexKey> keys = new ArrayList<>();
                    boolean expression = false;
                    for (String k : rs.getString(6).split(",")) {
                        if (k.isEmpty()) continue;
                        int colon = k.lastIndexOf(':');
                        String name = k.substring(0, colon);
                        if (name.isEmpty()) expression = true;
                        keys.add(new IndexKey(name, k.endsWith(":1")));
                    }
                    // an expression index serves other lookups than its columns: it covers no plain candidate
                    if (expression) keys = List.of();
                    indexes.add(new ExistingIndex(rs.getString(1), rs.getString(2), keys, rs.getString(5), rs.getBoolean(3), rs.getBoolean(4)));
                }
            }
        }
        return new CatalogFacts(version, columns, tables, indexes);
    }
}
