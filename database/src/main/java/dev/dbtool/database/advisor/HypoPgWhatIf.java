package dev.dbtool.database.advisor;

import dev.dbtool.generators.advisor.CostedCandidate;
import dev.dbtool.generators.advisor.IndexCandidate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HypoPG's hypothetical indexes: visible to this session's planner only; nothing is built, nothing is locked. */
final class HypoPgWhatIf implements WhatIf {
    private final PlanCost planner;

    HypoPgWhatIf(PlanCost planner) { this.planner = planner; }

    static boolean available(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'hypopg'")) {
            return rs.next();
        }
    }

    @Override public Mode mode() { return Mode.HYPOPG; }

    @Override public String label() { return "what-if: HypoPG hypothetical indexes"; }

    @Override
    public CostedCandidate cost(Connection c, IndexCandidate candidate, Map<Integer, String> statements) throws SQLException {
        try {
            long size = create(c, candidate);
            Map<Integer, Double> costs = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : statements.entrySet()) costs.put(e.getKey(), planner.cost(c, e.getValue()));
            return new CostedCandidate(candidate, size, costs);
        } finally {
            reset(c);
        }
    }

    @Override
    public Map<Integer, Double> costWithAll(Connection c, List<IndexCandidate> chosen, Map<Integer, String> statements) throws SQLException {
        try {
            for (IndexCandidate i : chosen) create(c, i);
            Map<Integer, Double> costs = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : statements.entrySet()) costs.put(e.getKey(), planner.cost(c, e.getValue()));
            return costs;
        } finally {
            reset(c);
        }
    }

    private static long create(Connection c, IndexCandidate candidate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT indexrelid, hypopg_relation_size(indexrelid) FROM hypopg_create_index(?)")) {
            ps.setString(1, candidate.createSql(false));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(2) : 0;
            }
        }
    }

    private static void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT hypopg_reset()");
        }
    }
}
