package dev.dbtool.generators.advisor;

import dev.dbtool.core.physical.SqlNames;
import java.util.List;

/**
 * An index worth costing: key columns with directions, optional INCLUDE columns, optional partial predicate.
 * {@link #name()} follows Prisma's convention ({@code Table_a_b_idx}, 63 characters), so the {@code @@index} line
 * dbtool suggests produces the same name in later migrations.
 */
public record IndexCandidate(String table, List<IndexKey> keys, List<String> include, String where, String explicitName) {
    public IndexCandidate(String table, List<IndexKey> keys, List<String> include, String where) { this(table, keys, include, where, null); }

    /** The same index under another name (when the conventional one is taken). */
    public IndexCandidate named(String name) { return new IndexCandidate(table, keys, include, where, name); }

    /** Whether it has the conventional name (so an {@code @@index} line needs no {@code map:}). */
    public boolean conventionalName() { return explicitName == null; }

    public String schema() { return table.substring(0, table.indexOf('.')); }

    public String tableName() { return table.substring(table.indexOf('.') + 1); }

    public String qualifiedTable() {
        return schema().equals("public") ? SqlNames.quote(tableName()) : SqlNames.quote(schema()) + "." + SqlNames.quote(tableName());
    }

    public String name() {
        if (explicitName != null) return explicitName;
        return SqlNames.constraintName(tableName() + "_" + String.join("_", keys.stream().map(IndexKey::column).toList()), "_idx");
    }

    /** {@code CREATE INDEX [CONCURRENTLY] name ON table (keys) [INCLUDE (…)] [WHERE …]}. */
    public String createSql(boolean concurrently) {
        StringBuilder b = new StringBuilder("CREATE INDEX ").append(concurrently ? "CONCURRENTLY " : "").append(SqlNames.quote(name())).append(" ON ")
                .append(qualifiedTable()).append(" (").append(String.join(", ", keys.stream().map(IndexKey::sql).toList())).append(')');
        if (!include.isEmpty()) b.append(" INCLUDE (").append(String.join(", ", include.stream().map(StatementAnalyzer::quote).toList())).append(')');
        if (where != null) b.append(" WHERE ").append(where);
        return b.toString();
    }

    /** How the report shows it: {@code orders (customer_id, created_at DESC) WHERE "deleted_at" IS NULL}. */
    public String display() {
        String s = tableName() + " (" + String.join(", ", keys.stream().map(k -> k.column() + (k.descending() ? " DESC" : "")).toList()) + ")";
        if (!include.isEmpty()) s += " INCLUDE (" + String.join(", ", include) + ")";
        if (where != null) s += " WHERE " + where;
        return s;
    }

    /** True when {@code other} serves every lookup this one does: this one's keys are its prefix (all directions equal or all reversed), same predicate. */
    public boolean coveredBy(List<IndexKey> otherKeys, String otherWhere) {
        if (!java.util.Objects.equals(normalize(where), normalize(otherWhere)) && otherWhere != null) return false;
        if (otherWhere == null && where != null) return false;
        if (otherKeys.size() < keys.size()) return false;
        boolean same = true;
        boolean reversed = true;
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).column().equals(otherKeys.get(i).column())) return false;
            same &= keys.get(i).descending() == otherKeys.get(i).descending();
            reversed &= keys.get(i).descending() != otherKeys.get(i).descending();
        }
        return same || reversed;
    }

    static String normalize(String sql) {
        return sql == null ? null : sql.replace("\"", "").replaceAll("::[a-z ]+", "").replaceAll("[()]", "").replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT);
    }
}
