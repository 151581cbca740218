package dev.dbtool.generators.advisor;

/** One normalised statement of {@code pg_stat_statements}: how often it ran and how long it took. */
public record WorkloadStatement(String queryId, String sql, long calls, double totalTimeMs, double meanTimeMs, double planTimeMs, long rows,
                                long sharedBlocksHit, long sharedBlocksRead) {}
