package dev.dbtool.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sorted, line-per-object text dump of what a database's catalog holds in its user schemas: schemas, extensions,
 * enum types, tables, columns (type, nullability, default, identity), constraints, indexes and sequences, all as
 * PostgreSQL itself prints them ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef},
 * {@code pg_get_indexdef}). Two databases with equal dumps have the same schema. Liquibase's bookkeeping tables are
 * left out.
 */
public final class CatalogDump {
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' "
            + "AND n.nspname NOT LIKE 'pg_toast_temp%'";
    private static final String NOT_LIQUIBASE = "c.relname NOT IN ('databasechangelog', 'databasechangeloglock', 'dbtool_job_outbox', 'dbtool_processed_jobs', 'dbtool_events')";

    private CatalogDump() {}

    public static List<String> of(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        query(c, out, "SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE " + USER_SCHEMAS);
        query(c, out, "SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'");
        query(c, out, "SELECT 'enum ' || n.nspname || '.' || t.typname || ' (' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) || ')' "
                + "FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE " + USER_SCHEMAS + " GROUP BY n.nspname, t.typname");
        query(c, out, "SELECT 'table ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS + " AND " + NOT_LIQUIBASE);
        query(c, out, "SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) "
                + "|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END "
                + "|| COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') "
                + "|| CASE a.attidentity WHEN 'a' THEN ' IDENTITY ALWAYS' WHEN 'd' THEN ' IDENTITY BY DEFAULT' ELSE '' END "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_SCHEMAS + " AND " + NOT_LIQUIBASE);
        query(c, out, "SELECT 'constraint ' || n.nspname || '.' || c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) "
                + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE " + USER_SCHEMAS + " AND " + NOT_LIQUIBASE);
        query(c, out, "SELECT 'index ' || n.nspname || '.' || i.relname || ' ' || pg_get_indexdef(i.oid) "
                + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid "
                + "JOIN pg_namespace n ON n.oid = i.relnamespace WHERE " + USER_SCHEMAS + " AND " + NOT_LIQUIBASE);
        query(c, out, "SELECT 'sequence ' || n.nspname || '.' || c.relname || COALESCE(' owned by ' || t.relname || '.' || a.attname, '') "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_depend dep ON dep.objid = c.oid AND dep.deptype = 'a' AND dep.classid = 'pg_class'::regclass "
                + "LEFT JOIN pg_class t ON t.oid = dep.refobjid LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid "
                + "WHERE c.relkind = 'S' AND " + USER_SCHEMAS + " AND c.relname NOT LIKE 'dbtool\\_job\\_outbox%' AND c.relname NOT LIKE 'dbtool\\_events%'");
        out.sort(null);
        return List.copyOf(out);
    }

    private static void query(Connection c, List<String> out, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
    }
}
