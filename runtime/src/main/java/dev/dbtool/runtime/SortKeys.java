package dev.dbtool.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A total order's keys: the requested ones (each column once, in order), then the primary key's columns not among them,
 * ascending. {@code used} holds the requested entries that made a key (for a cursor's fingerprint).
 */
record SortKeys(List<Column> columns, List<Boolean> descending, List<Boolean> nullsLast, List<OrderBy> used) {
    /** {@code column} gives an entry's column (throwing for an unknown one); {@code primaryKey} the columns that end the order. */
    static SortKeys of(List<OrderBy> orderBy, Function<OrderBy, Column> column, List<Column> primaryKey) {
        SortKeys k = new SortKeys(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (OrderBy o : orderBy == null ? List.<OrderBy>of() : orderBy) {
            Column col = column.apply(o);
            if (k.columns.contains(col)) continue;
            k.columns.add(col);
            k.descending.add(o.descending());
            k.nullsLast.add(o.nullsLast());
            k.used.add(o);
        }
        for (Column col : primaryKey) {
            if (k.columns.contains(col)) continue;
            k.columns.add(col);
            k.descending.add(false);
            k.nullsLast.add(true);
        }
        return k;
    }
}
