package dev.dbtool.runtime;

import java.util.List;
import java.util.function.Function;

/**
 * One sort key of a list query. Ascending puts NULLs last and descending first, as PostgreSQL does by default, unless
 * {@code nulls} says where they go ({@code {publishedAt: desc, nulls: last}}). A key across a relation ({@code {author:
 * {name: asc}}}, {@code {comments: {_count: desc}}}) carries its {@code expression}: a correlated subquery.
 */
public record OrderBy(String field, Direction direction, Nulls nulls, Expression expression) {
    public enum Direction { ASC, DESC }

    /** Where rows without a value go; null: PostgreSQL's default for the direction. */
    public enum Nulls { FIRST, LAST }

    /**
     * A sort key computed from the row: {@code sql} gives the SQL for the row as {@code outer} names it (a table or an
     * alias) with its parameters, in the order they appear. {@code description} names it in loader names and cursors.
     */
    public record Expression(String description, String cast, Column.Kind kind, boolean nullable, Function<String, Sql> sql) {
        @Override
        public String toString() { return description; }

        /** As a column of the row named {@code outer}, for the list query's ordering, cursor and seek. */
        public Column column(String outer) { return new Column(description, sql.apply(outer).text(), cast, kind, nullable); }
    }

    /** SQL text and the parameters of its placeholders, in order. */
    public record Sql(String text, List<Object[]> params) {}

    public OrderBy(String field, Direction direction, Nulls nulls) { this(field, direction, nulls, null); }

    public OrderBy(String field, Direction direction) { this(field, direction, null, null); }

    public static OrderBy asc(String field) { return new OrderBy(field, Direction.ASC); }

    public static OrderBy desc(String field) { return new OrderBy(field, Direction.DESC); }

    public boolean descending() { return direction == Direction.DESC; }

    /** Whether NULLs come after the values in this key's order. */
    public boolean nullsLast() { return nulls == null ? direction == Direction.ASC : nulls == Nulls.LAST; }

    /** Whether any key reads another table (such a list is not served from the cache, which follows this table's writes only). */
    public static boolean crossesRelations(List<OrderBy> orderBy) {
        return orderBy != null && orderBy.stream().anyMatch(o -> o.expression() != null);
    }

    /** {@code ASC NULLS LAST} and the like; {@code reversed} for a page read backward. */
    public static String sql(boolean descending, boolean nullsLast, boolean reversed) {
        return ((descending ^ reversed) ? " DESC" : " ASC") + ((nullsLast ^ reversed) ? " NULLS LAST" : " NULLS FIRST");
    }
}
