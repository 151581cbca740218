package dev.dbtool.runtime;

import java.util.List;
import java.util.Map;

/**
 * What a {@code where} input may reach from one type: its table, the columns a client may filter on, every column (for
 * row rules), the field scopes, the read scope, and its relations to other types (by name, so the graph may be
 * cyclic). Relation filters ({@code some}/{@code every}/{@code none}, {@code is}/{@code isNot}) compile to correlated
 * {@code EXISTS} subqueries, so a filter across relations stays one statement.
 */
public record FilterModel(String type, String table, Map<String, Column> columns, Map<String, Column> allColumns, Map<String, String> fieldScopes,
                          String readScope, Map<String, Link> relations) {
    /**
     * A relation as SQL joins it: this type's {@code outerColumns} equal the target's {@code innerColumns} (one each, or
     * several for a composite foreign key); for an implicit many-to-many, through {@code joinTable}, whose
     * {@code joinOuter} column holds this side's key and {@code joinInner} the target's.
     */
    public record Link(String target, boolean many, List<String> outerColumns, List<String> innerColumns, String joinTable, String joinOuter,
                       String joinInner) {
        public static Link direct(String target, boolean many, String outerColumn, String innerColumn) {
            return new Link(target, many, List.of(outerColumn), List.of(innerColumn), null, null, null);
        }

        /** A relation over a composite foreign key: column i of this side matches column i of the target. */
        public static Link direct(String target, boolean many, List<String> outerColumns, List<String> innerColumns) {
            return new Link(target, many, List.copyOf(outerColumns), List.copyOf(innerColumns), null, null, null);
        }

        public static Link through(String target, String outerColumn, String innerColumn, String joinTable, String joinOuter, String joinInner) {
            return new Link(target, true, List.of(outerColumn), List.of(innerColumn), joinTable, joinOuter, joinInner);
        }

        /** This side's column (a many-to-many's key; a direct link's when it has one column). */
        public String outerColumn() { return outerColumns.get(0); }

        public String innerColumn() { return innerColumns.get(0); }

        /** SQL joining a target row (alias {@code inner}) to this side's row (alias {@code outer}) over a direct link. */
        public String correlation(String inner, String outer) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < outerColumns.size(); i++) {
                b.append(i > 0 ? " AND " : "").append(inner).append('.').append(innerColumns.get(i)).append(" = ").append(outer).append('.').append(outerColumns.get(i));
            }
            return b.toString();
        }
    }

    /** The relations' field names, for error messages. */
    public List<String> relationNames() { return relations.keySet().stream().sorted().toList(); }
}
