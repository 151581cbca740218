package dev.dbtool.database.advisor;

import dev.dbtool.generators.advisor.AnalyzedStatement;
import dev.dbtool.generators.advisor.CandidateGenerator;
import dev.dbtool.generators.advisor.CostedCandidate;
import dev.dbtool.generators.advisor.IndexCandidate;
import dev.dbtool.generators.advisor.IndexSelection;
import dev.dbtool.generators.advisor.Recommendation;
import dev.dbtool.generators.advisor.StatementAnalyzer;
import dev.dbtool.generators.advisor.WorkloadStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The index advisor: reads the workload from {@code pg_stat_statements}, parses each statement, derives candidate
 * indexes, costs them with the chosen what-if method, selects the set that saves the most time workload-wide, and runs
 * pg-index-health over the existing indexes. Sends only catalog queries and EXPLAINs (plus, with
 * {@code --what-if build}, index builds that are rolled back); never the workload's statements themselves.
 */
public final class Advisor {
    /** What to advise on and how. {@code whatIf} null: HypoPG when the database has it, else estimates. */
    public record Options(String jdbcUrl, long minCalls, int maxStatements, long budgetBytes, WhatIf.Mode whatIf) {}

    /** Told how many index candidates will be costed, then each one as it is (the long part with a what-if build). */
    public interface Progress {
        Progress NONE = new Progress() { };

        default void start(int candidates) { }

        default void candidate(String display) { }
    }

    private Advisor() {}

    public static AdvisorResult run(Options o) throws AdvisorException {
        return run(o, Progress.NONE);
    }

    public static AdvisorResult run(Options o, Progress progress) throws AdvisorException {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        java.util.Properties props = new java.util.Properties();
        // simple query protocol: workload statements keep their $n parameters, which EXPLAIN (GENERIC_PLAN) plans
        props.setProperty("preferQueryMode", "simple");
        try (Connection c = DriverManager.getConnection(o.jdbcUrl(), props)) {
            Sessions.prepare(c, o.whatIf() != WhatIf.Mode.BUILD);
            List<WorkloadStatement> workload = WorkloadReader.read(c, o.minCalls(), o.maxStatements());
            CatalogFacts facts = CatalogFacts.read(c);
            StatementAnalyzer analyzer = new StatementAnalyzer(facts.columns());
            List<AnalyzedStatement> analyzed = new ArrayList<>();
            for (WorkloadStatement w : workload) analyzed.add(analyzer.analyze(w.sql()));
            PlanCost planner = new PlanCost(facts.serverVersion());
            WhatIf whatIf = choose(c, o.whatIf(), planner, analyzed, facts, notes);
            double[] before = new double[workload.size()];
            for (int i = 0; i < workload.size(); i++) {
                before[i] = analyzed.get(i).usable() ? planner.cost(c, workload.get(i).sql()) : Double.NaN;
                if (analyzed.get(i).usable() && Double.isNaN(before[i]))
                    notes.add("statement #" + (i + 1) + " cannot be planned with unknown parameters (" + planner.lastError().replaceAll("\\s+", " ") + "); it is left out");
            }
            Map<IndexCandidate, Set<Integer>> candidates = CandidateGenerator.generate(analyzed, facts.indexes());
            List<CostedCandidate> costed = new ArrayList<>();
            progress.start(candidates.size());
            for (Map.Entry<IndexCandidate, Set<Integer>> e : candidates.entrySet()) {
                progress.candidate(e.getKey().display());
                Map<Integer, String> sqls = new LinkedHashMap<>();
                for (int i : e.getValue()) if (!Double.isNaN(before[i])) sqls.put(i, workload.get(i).sql());
                if (sqls.isEmpty()) continue;
                try {
                    costed.add(whatIf.cost(c, e.getKey(), sqls));
                } catch (SQLException ex) {
                    notes.add("could not cost " + e.getKey().display() + ": " + ex.getMessage());
                }
            }
            Map<String, Long> writes = new LinkedHashMap<>();
            facts.tables().forEach((k, t) -> writes.put(k, t.writes()));
            List<Recommendation> chosen = unique(IndexSelection.select(workload, before, costed, writes, o.budgetBytes()), facts);
            Map<Integer, String> helped = new LinkedHashMap<>();
            for (Recommendation r : chosen) for (Recommendation.Help h : r.helps()) helped.put(h.statement(), workload.get(h.statement()).sql());
            Map<Integer, Double> after = chosen.isEmpty() ? Map.of() : whatIf.costWithAll(c, chosen.stream().map(Recommendation::index).toList(), helped);
            Set<String> schemas = new LinkedHashSet<>();
            for (String t : facts.tables().keySet()) schemas.add(t.substring(0, t.indexOf('.')));
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(o.jdbcUrl());
            List<HealthFinding> health;
            try {
                health = IndexHealth.check(ds, o.jdbcUrl(), schemas);
            } catch (RuntimeException ex) {
                health = List.of();
                notes.add("the existing-index checks failed: " + ex.getMessage());
            }
            long unparsed = analyzed.stream().filter(a -> !a.usable()).count();
            if (unparsed > 0) notes.add(unparsed + " of " + workload.size() + " statements give no index candidate (inserts, utility statements, no filter)");
            return new AdvisorResult(whatIf.mode(), whatIf.label(), workload, analyzed, before, after, candidates.size(), chosen, health, notes,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new AdvisorException("cannot read the database: " + e.getMessage(), e);
        }
    }

    /** Conventional names can collide (a partial and a plain index on the same columns): later ones get a suffix. */
    private static List<Recommendation> unique(List<Recommendation> chosen, CatalogFacts facts) {
        Set<String> taken = new LinkedHashSet<>();
        facts.indexes().forEach(i -> taken.add(i.name()));
        List<Recommendation> out = new ArrayList<>();
        for (Recommendation r : chosen) {
            IndexCandidate c = r.index();
            String name = c.name();
            for (int n = 2; taken.contains(name); n++) name = dev.dbtool.core.physical.SqlNames.constraintName(c.name().replaceAll("_idx$", ""), "_" + n + "_idx");
            taken.add(name);
            out.add(name.equals(c.name()) ? r : new Recommendation(c.named(name), r.sizeBytes(), r.savedMs(), r.writePenaltyMs(), r.helps()));
        }
        return out;
    }

    private static WhatIf choose(Connection c, WhatIf.Mode asked, PlanCost planner, List<AnalyzedStatement> analyzed, CatalogFacts facts, List<String> notes)
            throws SQLException, AdvisorException {
        boolean hypopg = HypoPgWhatIf.available(c);
        if (asked == WhatIf.Mode.HYPOPG && !hypopg)
            throw new AdvisorException("--what-if hypopg: the extension is not installed in this database (CREATE EXTENSION hypopg;)", null);
        if (asked == WhatIf.Mode.BUILD) return new BuildWhatIf(planner);
        if (asked == WhatIf.Mode.HYPOPG || (asked == null && hypopg)) return new HypoPgWhatIf(planner);
        if (asked == null) notes.add("HypoPG is not installed here: costs after are estimates from pg_stats (install hypopg, or use --what-if build on a non-production copy)");
        return new StatsWhatIf(planner, analyzed, facts);
    }
}
