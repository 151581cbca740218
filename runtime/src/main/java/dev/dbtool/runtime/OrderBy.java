package dev.dbtool.runtime;

/**
 * One sort key of a list query. Ascending puts NULLs last and descending first, as PostgreSQL does by default, unless
 * {@code nulls} says where they go ({@code {publishedAt: desc, nulls: last}}).
 */
public record OrderBy(String field, Direction direction, Nulls nulls) {
    public enum Direction { ASC, DESC }

    /** Where rows without a value go; null: PostgreSQL's default for the direction. */
    public enum Nulls { FIRST, LAST }

    public OrderBy(String field, Direction direction) { this(field, direction, null); }

    public static OrderBy asc(String field) { return new OrderBy(field, Direction.ASC); }

    public static OrderBy desc(String field) { return new OrderBy(field, Direction.DESC); }

    public boolean descending() { return direction == Direction.DESC; }

    /** Whether NULLs come after the values in this key's order. */
    public boolean nullsLast() { return nulls == null ? direction == Direction.ASC : nulls == Nulls.LAST; }

    /** {@code ASC NULLS LAST} and the like; {@code reversed} for a page read backward. */
    public static String sql(boolean descending, boolean nullsLast, boolean reversed) {
        return ((descending ^ reversed) ? " DESC" : " ASC") + ((nullsLast ^ reversed) ? " NULLS LAST" : " NULLS FIRST");
    }
}
