package dev.dbtool.runtime;

/** One sort key of a list query. Ascending puts NULLs last and descending first, as PostgreSQL does by default. */
public record OrderBy(String field, Direction direction) {
    public enum Direction { ASC, DESC }

    public static OrderBy asc(String field) { return new OrderBy(field, Direction.ASC); }

    public static OrderBy desc(String field) { return new OrderBy(field, Direction.DESC); }
}
