package dev.dbtool.generators.advisor;

import java.util.List;
import java.util.Set;

/**
 * How one statement uses one table: the columns it compares with a parameter or constant (equality, range), the
 * predicates on constants a partial index could hold, the sort it asks for, the columns it joins on and reads.
 *
 * @param table       the catalog key, {@code schema.table}
 * @param constants   predicates comparing a column with a constant, as SQL ({@code "deleted_at" IS NULL})
 * @param sortable    whether the ORDER BY keys all belong to this table (so an index can return rows in order)
 * @param readColumns the columns the statement reads from the table (select list, RETURNING); all when {@code *}
 */
public record TableUse(String table, List<String> equality, List<String> range, List<SortKey> orderBy, boolean sortable,
                       List<Constant> constants, List<String> joins, Set<String> readColumns, boolean readsAll) {
    /** One ORDER BY key. */
    public record SortKey(String column, boolean descending) {}

    /** A predicate with a constant: its column and its SQL text (quoted identifiers). */
    public record Constant(String column, String sql) {}
}
