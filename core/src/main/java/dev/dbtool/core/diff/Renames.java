package dev.dbtool.core.diff;

import java.util.Map;

/**
 * Explicit rename hints, in database names: {@code tables} maps an old table name to its new name,
 * {@code columns} maps {@code newTable.oldColumn} to the new column name. Without a hint a rename looks like a
 * drop and an add, which loses data and is refused unless the user accepts that.
 */
public record Renames(Map<String, String> tables, Map<String, String> columns) {
    public static final Renames NONE = new Renames(Map.of(), Map.of());
}
