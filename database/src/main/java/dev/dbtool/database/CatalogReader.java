package dev.dbtool.database;

import dev.dbtool.core.physical.DbCheck;
import dev.dbtool.core.physical.DbColumn;
import dev.dbtool.core.physical.DbEnum;
import dev.dbtool.core.physical.DbExtension;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbIndex;
import dev.dbtool.core.physical.DbIndexColumn;
import dev.dbtool.core.physical.DbPrimaryKey;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.core.physical.SqlNames;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live database's user schemas read into the same {@link DbSchema} shape the schema model builds, with types
 * spelled the way {@code prisma migrate} spells them ({@code TEXT}, {@code VARCHAR(320)}, {@code SERIAL}, …).
 * Objects in {@code defaultSchema} get a null schema. Liquibase's and Prisma's bookkeeping tables are skipped.
 */
public final class CatalogReader {
    private static final String SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' "
            + "AND n.nspname NOT LIKE 'pg_toast_temp%'";
    // Liquibase's and Prisma's bookkeeping, and the job queues' outbox and idempotency tables (dbtool queue-job)
    private static final String SKIPPED_TABLES = "c.relname NOT IN ('databasechangelog', 'databasechangeloglock', '_prisma_migrations', 'dbtool_job_outbox', 'dbtool_processed_jobs', 'dbtool_events')";

    private final Connection c;
    private final String defaultSchema;

    private CatalogReader(Connection c, String defaultSchema) {
        this.c = c;
        this.defaultSchema = defaultSchema;
    }

    public static DbSchema read(Connection c) throws SQLException {
        String current = c.getSchema() == null ? "public" : c.getSchema();
        return new CatalogReader(c, current).read();
    }

    private String schemaOf(String nspname) { return nspname.equals(defaultSchema) ? null : nspname; }

    private DbSchema read() throws SQLException {
        List<String> schemas = new ArrayList<>();
        for (String[] r : rows("SELECT n.nspname FROM pg_namespace n WHERE " + SCHEMAS + " AND n.nspname <> ? AND (EXISTS (SELECT 1 FROM pg_class c "
                + "WHERE c.relnamespace = n.oid AND c.relkind IN ('r','p')) OR EXISTS (SELECT 1 FROM pg_type t WHERE t.typnamespace = n.oid AND t.typtype = 'e')) "
                + "ORDER BY 1", defaultSchema)) schemas.add(r[0]);
        List<DbExtension> extensions = new ArrayList<>();
        for (String[] r : rows("SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                + "WHERE e.extname <> 'plpgsql' ORDER BY 1")) {
            extensions.add(new DbExtension(r[0], schemaOf(r[1]), null));
        }
        List<DbEnum> enums = new ArrayList<>();
        for (String[] r : rows("SELECT n.nspname, t.typname, string_agg(e.enumlabel, E'\\x1f' ORDER BY e.enumsortorder) FROM pg_type t "
                + "JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + SCHEMAS
                + " GROUP BY n.nspname, t.typname, t.oid ORDER BY t.oid")) {
            enums.add(new DbEnum(schemaOf(r[0]), r[1], List.of(r[2].split("\u001f"))));
        }
        Map<String, Long> tableOids = new LinkedHashMap<>();
        Map<String, String[]> tableNames = new LinkedHashMap<>();
        for (String[] r : rows("SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r','p') AND " + SCHEMAS + " AND " + SKIPPED_TABLES + " ORDER BY c.oid")) {
            tableOids.put(r[0], Long.parseLong(r[0]));
            tableNames.put(r[0], new String[] {r[1], r[2]});
        }
        List<DbTable> tables = new ArrayList<>();
        for (Map.Entry<String, String[]> t : tableNames.entrySet()) tables.add(table(tableOids.get(t.getKey()), t.getValue()[0], t.getValue()[1]));
        return new DbSchema(schemas, extensions, enums, tables);
    }

    private DbTable table(long oid, String nsp, String name) throws SQLException {
        List<DbColumn> columns = new ArrayList<>();
        for (String[] r : rows("SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text, pg_get_expr(d.adbin, d.adrelid), "
                + "t.typtype::text, et.typtype::text, t.typname, et.typname, tn.nspname, etn.nspname, "
                + "(SELECT count(*) FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S' "
                + "  WHERE dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a')::text "
                + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' "
                + "JOIN pg_namespace tn ON tn.oid = t.typnamespace LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", oid)) {
            boolean ownsSequence = !"0".equals(r[10]) && r[3] != null && r[3].startsWith("nextval(");
            // An enum type is spelled as the model spells it: qualified when it lives outside the default schema.
            String enumType = "e".equals(r[4]) ? SqlNames.qualified(schemaOf(r[8]), r[6]) : null;
            String enumElement = "e".equals(r[5]) ? SqlNames.qualified(schemaOf(r[9]), r[7]) : null;
            String type = PostgresTypes.prismaSpelling(r[1], enumType, enumElement, ownsSequence);
            String dflt = ownsSequence ? null : r[3];
            columns.add(new DbColumn(r[0], type, "true".equals(r[2]), dflt));
        }
        DbPrimaryKey pk = null;
        List<DbForeignKey> fks = new ArrayList<>();
        List<DbCheck> checks = new ArrayList<>();
        for (String[] r : rows("SELECT con.conname, con.contype::text, pg_get_constraintdef(con.oid), "
                + "(SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(num, ord) "
                + "  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num), "
                + "rn.nspname, rc.relname, "
                + "(SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(num, ord) "
                + "  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num), "
                + "con.confdeltype::text, con.confupdtype::text "
                + "FROM pg_constraint con LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace "
                + "WHERE con.conrelid = ? ORDER BY con.oid", oid)) {
            switch (r[1]) {
                case "p" -> pk = new DbPrimaryKey(r[0], List.of(r[3].split("\u001f")));
                case "f" -> fks.add(new DbForeignKey(r[0], List.of(r[3].split("\u001f")), schemaOf(r[4]), r[5], List.of(r[6].split("\u001f")),
                        action(r[7]), action(r[8])));
                case "c" -> checks.add(new DbCheck(r[0], checkExpression(r[2])));
                default -> { }
            }
        }
        List<DbIndex> indexes = new ArrayList<>();
        for (String[] r : rows("SELECT i.relname, x.indisunique::text, am.amname, pg_get_expr(x.indpred, x.indrelid), x.indnkeyatts::text, "
                + "array_to_string(x.indkey, ' '), array_to_string(x.indoption, ' '), "
                + "(SELECT string_agg(CASE WHEN o.opcdefault THEN '' ELSE o.opcname END, E'\\x1f' ORDER BY k.ord) "
                + "  FROM unnest(x.indclass) WITH ORDINALITY k(cls, ord) JOIN pg_opclass o ON o.oid = k.cls), x.indexprs IS NOT NULL "
                + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam "
                + "WHERE x.indrelid = ? AND NOT x.indisprimary ORDER BY i.oid", oid)) {
            if ("true".equals(r[8])) continue; // expression indexes have no DSL form
            String[] keys = r[5].split(" ");
            String[] options = r[6].split(" ");
            String[] opclasses = r[7] == null ? new String[0] : r[7].split("\u001f", -1);
            List<DbIndexColumn> cols = new ArrayList<>();
            for (int k = 0; k < Integer.parseInt(r[4]); k++) {
                String col = attributeName(oid, Integer.parseInt(keys[k]));
                boolean desc = (Integer.parseInt(options[k]) & 1) == 1;
                String ops = k < opclasses.length && !opclasses[k].isEmpty() ? opclasses[k] : null;
                cols.add(new DbIndexColumn(col, desc, ops));
            }
            String method = r[2].equals("btree") ? null : r[2].toUpperCase(java.util.Locale.ROOT);
            indexes.add(new DbIndex(r[0], "true".equals(r[1]), List.copyOf(cols), method, r[3]));
        }
        return new DbTable(schemaOf(nsp), name, List.copyOf(columns), pk, List.copyOf(indexes), List.copyOf(fks), List.copyOf(checks));
    }

    private String attributeName(long table, int attnum) throws SQLException {
        List<String[]> r = rows("SELECT attname FROM pg_attribute WHERE attrelid = ? AND attnum = " + attnum, table);
        return r.isEmpty() ? "?" : r.get(0)[0];
    }

    /** {@code CHECK ((price >= 0))} → {@code price >= 0}. */
    static String checkExpression(String def) {
        String s = def.startsWith("CHECK ") ? def.substring(6) : def;
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char ch : s.toCharArray()) {
            if (ch == '(') depth++;
            if (ch == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    private static String action(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "r" -> "RESTRICT";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private List<String[]> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<String[]> out = new ArrayList<>();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int k = 0; k < n; k++) {
                        Object o = rs.getObject(k + 1);
                        row[k] = o instanceof Array a ? String.valueOf(a) : o == null ? null : String.valueOf(o);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}
