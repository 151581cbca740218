package dev.dbtool.runtime;

/**
 * A column as the generated SQL sees it: the GraphQL/Java field name, the quoted SQL name, the type every bound
 * parameter is cast to (so uuid, citext, enum and json columns compare correctly) and how values are bound.
 */
public record Column(String field, String sql, String cast, Kind kind, boolean nullable) {
    public enum Kind { STRING, INT, BIGINT, FLOAT, DECIMAL, BOOLEAN, TIMESTAMP, TIMESTAMPTZ, DATE, TIME, TIMETZ, JSON, BYTES, ENUM, ARRAY }

    /** {@code ?::type}, the placeholder for a value of this column. */
    public String param() { return "?::" + cast; }
}
