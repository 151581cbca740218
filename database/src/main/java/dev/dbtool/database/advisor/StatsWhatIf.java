package dev.dbtool.database.advisor;

import dev.dbtool.generators.advisor.AnalyzedStatement;
import dev.dbtool.generators.advisor.CostedCandidate;
import dev.dbtool.generators.advisor.IndexCandidate;
import dev.dbtool.generators.advisor.IndexKey;
import dev.dbtool.generators.advisor.TableUse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --what-if none}: no hypothetical and no real index; the "after" cost is an estimate from {@code pg_stats}
 * (distinct values, NULL fractions) and the table's size, with PostgreSQL's default cost constants: the sequential scan
 * of the table the statement pays today is replaced by an index scan over the rows the index's leading columns select.
 * Every report labels these numbers as estimates.
 */
final class StatsWhatIf implements WhatIf {
    private static final double RANDOM_PAGE = 4.0;
    private static final double CPU_TUPLE = 0.01;
    private static final double CPU_OPERATOR = 0.0025;
    private static final double RANGE_SELECTIVITY = 1.0 / 3;
    private static final double DEFAULT_DISTINCT = 200;

    private final PlanCost planner;
    private final List<AnalyzedStatement> analyzed;
    private final CatalogFacts facts;
    private final Map<String, Map<String, double[]>> stats = new HashMap<>();
    private final Map<Integer, Double> before = new HashMap<>();

    StatsWhatIf(PlanCost planner, List<AnalyzedStatement> analyzed, CatalogFacts facts) {
        this.planner = planner;
        this.analyzed = analyzed;
        this.facts = facts;
    }

    @Override public Mode mode() { return Mode.NONE; }

    @Override public String label() { return "estimated from pg_stats (no what-if index: neither HypoPG nor --what-if build)"; }

    @Override
    public CostedCandidate cost(Connection c, IndexCandidate candidate, Map<Integer, String> statements) throws SQLException {
        CatalogFacts.Table table = facts.tables().get(candidate.table());
        Map<String, double[]> cols = columnStats(c, candidate.table());
        double rows = table == null ? 0 : table.rows();
        Map<Integer, Double> costs = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : statements.entrySet()) {
            double now = before.computeIfAbsent(e.getKey(), k -> planner.cost(c, e.getValue()));
            TableUse use = analyzed.get(e.getKey()).tables().stream().filter(u -> u.table().equals(candidate.table())).findFirst().orElse(null);
            double selectivity = use == null ? 1 : selectivity(candidate, use, cols, rows);
            if (selectivity >= 1 || table == null) {
                costs.put(e.getKey(), now);
                continue;
            }
            double seq = table.pages() + rows * (CPU_TUPLE + CPU_OPERATOR);
            double matched = Math.max(1, rows * selectivity);
            double index = RANDOM_PAGE * (2 + matched * 0.5) + matched * (CPU_TUPLE + CPU_OPERATOR);
            costs.put(e.getKey(), Math.max(now * 0.01, Math.min(now, now - seq + index)));
        }
        double width = 16;
        for (IndexKey k : candidate.keys()) width += cols.getOrDefault(k.column(), new double[] {0, 0, 8})[2];
        for (String k : candidate.include()) width += cols.getOrDefault(k, new double[] {0, 0, 8})[2];
        double fraction = candidate.where() == null ? 1 : partialFraction(candidate.where(), cols, rows);
        return new CostedCandidate(candidate, (long) (rows * fraction * width * 1.1) + 8192, costs);
    }

    /** The fraction of rows the candidate's usable leading columns select for this statement (1 when it serves none). */
    private double selectivity(IndexCandidate c, TableUse use, Map<String, double[]> cols, double rows) {
        double s = 1;
        boolean any = false;
        for (IndexKey k : c.keys()) {
            if (use.equality().contains(k.column()) || use.joins().contains(k.column())) {
                s *= 1 / distinct(cols.get(k.column()), rows);
                any = true;
            } else if (use.range().contains(k.column())) {
                s *= RANGE_SELECTIVITY;
                any = true;
                break;
            } else break;
        }
        if (c.where() != null) {
            boolean served = use.constants().stream().anyMatch(x -> normalized(x.sql()).equals(normalized(c.where())));
            if (!served) return 1;
            s *= partialFraction(c.where(), cols, rows);
            any = true;
        }
        return any ? s : 1;
    }

    private static String normalized(String sql) { return sql.replace("\"", "").replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT); }

    private static double partialFraction(String where, Map<String, double[]> cols, double rows) {
        String w = normalized(where);
        String column = w.split(" ")[0];
        double[] st = cols.get(column);
        if (w.endsWith("is null")) return st == null ? 0.5 : Math.max(st[0], 0.001);
        if (w.endsWith("is not null")) return st == null ? 0.5 : Math.max(1 - st[0], 0.001);
        return 1 / distinct(st, rows);
    }

    private static double distinct(double[] st, double rows) {
        if (st == null) return DEFAULT_DISTINCT;
        double n = st[1];
        if (n < 0) n = -n * rows;
        return Math.max(1, n == 0 ? DEFAULT_DISTINCT : n);
    }

    /** column → {null_frac, n_distinct, avg_width} from pg_stats. */
    private Map<String, double[]> columnStats(Connection c, String table) throws SQLException {
        Map<String, double[]> cached = stats.get(table);
        if (cached != null) return cached;
        Map<String, double[]> out = new HashMap<>();
        int dot = table.indexOf('.');
        try (PreparedStatement ps = c.prepareStatement("SELECT attname, null_frac, n_distinct, avg_width FROM pg_stats WHERE schemaname = ? AND tablename = ?")) {
            ps.setString(1, table.substring(0, dot));
            ps.setString(2, table.substring(dot + 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
            }
        }
        stats.put(table, out);
        return out;
    }

    @Override
    public Map<Integer, Double> costWithAll(Connection c, List<IndexCandidate> chosen, Map<Integer, String> statements) throws SQLException {
        Map<Integer, Double> best = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : statements.entrySet()) best.put(e.getKey(), before.computeIfAbsent(e.getKey(), k -> planner.cost(c, e.getValue())));
        for (IndexCandidate i : chosen) {
            for (Map.Entry<Integer, Double> e : cost(c, i, statements).costWith().entrySet()) best.merge(e.getKey(), e.getValue(), Math::min);
        }
        return best;
    }
}
