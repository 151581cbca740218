package dev.dbtool.generators.advisor;

/** One key column of an index and its direction. */
public record IndexKey(String column, boolean descending) {
    public String sql() { return StatementAnalyzer.quote(column) + (descending ? " DESC" : ""); }
}
