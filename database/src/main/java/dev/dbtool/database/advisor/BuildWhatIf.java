package dev.dbtool.database.advisor;

import dev.dbtool.generators.advisor.CostedCandidate;
import dev.dbtool.generators.advisor.IndexCandidate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --what-if build}: creates each candidate for real inside a transaction, asks the planner, rolls back. Exact,
 * but it builds (CPU, I/O, a SHARE lock on the table while it lasts): for development and staging databases.
 */
final class BuildWhatIf implements WhatIf {
    private final PlanCost planner;

    BuildWhatIf(PlanCost planner) { this.planner = planner; }

    @Override public Mode mode() { return Mode.BUILD; }

    @Override public String label() { return "what-if: each index built in a rolled-back transaction"; }

    @Override
    public CostedCandidate cost(Connection c, IndexCandidate candidate, Map<Integer, String> statements) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute(candidate.createSql(false).replaceFirst("CREATE INDEX \"[^\"]+\"", "CREATE INDEX dbtool_whatif"));
            long size;
            try (ResultSet rs = st.executeQuery("SELECT pg_relation_size(to_regclass('" + dev.dbtool.core.physical.SqlNames.quote(candidate.schema()).replace("'", "''")
                    + ".dbtool_whatif'))")) {
                size = rs.next() ? rs.getLong(1) : 0;
            }
            Map<Integer, Double> costs = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : statements.entrySet()) costs.put(e.getKey(), planner.cost(c, e.getValue()));
            return new CostedCandidate(candidate, size, costs);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    @Override
    public Map<Integer, Double> costWithAll(Connection c, List<IndexCandidate> chosen, Map<Integer, String> statements) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            int n = 0;
            for (IndexCandidate i : chosen) st.execute(i.createSql(false).replaceFirst("CREATE INDEX \"[^\"]+\"", "CREATE INDEX dbtool_whatif_" + (n++)));
            Map<Integer, Double> costs = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : statements.entrySet()) costs.put(e.getKey(), planner.cost(c, e.getValue()));
            return costs;
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }
}
