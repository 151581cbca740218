package dev.dbtool.database.advisor;

import dev.dbtool.generators.advisor.CostedCandidate;
import dev.dbtool.generators.advisor.IndexCandidate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** How the cost of a statement with a candidate index is found: HypoPG, a real build rolled back, or statistics. */
public interface WhatIf {
    enum Mode { HYPOPG, BUILD, NONE }

    Mode mode();

    /** Words for reports: where the "after" costs come from. */
    String label();

    /** The candidate's size and the cost of each given statement (by workload index) with it. */
    CostedCandidate cost(Connection c, IndexCandidate candidate, Map<Integer, String> statements) throws SQLException;

    /** The costs of the statements with all of {@code chosen} in place (to report the final plan). */
    Map<Integer, Double> costWithAll(Connection c, List<IndexCandidate> chosen, Map<Integer, String> statements) throws SQLException;
}
