package dev.dbtool.generators.advisor;

import java.util.List;

/** A workload statement and what the parser saw in it; {@code problem} says why nothing was (not parsable, not DML). */
public record AnalyzedStatement(String sql, String kind, List<TableUse> tables, String problem) {
    public boolean usable() { return problem == null && !tables.isEmpty(); }
}
