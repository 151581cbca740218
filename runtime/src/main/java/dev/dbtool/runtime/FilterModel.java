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
     * A relation as SQL joins it: this type's {@code outerColumn} equals the target's {@code innerColumn}; for an implicit
     * many-to-many, through {@code joinTable}, whose {@code joinOuter} column holds this side's key and {@code joinInner}
     * the target's.
     */
    public record Link(String target, boolean many, String outerColumn, String innerColumn, String joinTable, String joinOuter, String joinInner) {
        public static Link direct(String target, boolean many, String outerColumn, String innerColumn) {
            return new Link(target, many, outerColumn, innerColumn, null, null, null);
        }

        public static Link through(String target, String outerColumn, String innerColumn, String joinTable, String joinOuter, String joinInner) {
            return new Link(target, true, outerColumn, innerColumn, joinTable, joinOuter, joinInner);
        }
    }

    /** The relations' field names, for error messages. */
    public List<String> relationNames() { return relations.keySet().stream().sorted().toList(); }
}
