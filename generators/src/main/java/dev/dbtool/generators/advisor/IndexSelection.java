package dev.dbtool.generators.advisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Workload-wide choice: greedily adds the index with the largest net saving — Σ calls × mean time × relative plan
 * cost saving over every statement it helps beyond what the indexes already chosen do, minus the write penalty on its
 * table — until nothing saves more than it costs or the size budget is spent. An index that another chosen one covers
 * (or that covers one) is never added next to it. A statement only counts as helped when its plan cost drops by at
 * least {@link #MIN_IMPROVEMENT}, so noise in the planner's estimates never turns into advice.
 */
public final class IndexSelection {
    /** The relative plan-cost drop below which a statement is not considered helped. */
    public static final double MIN_IMPROVEMENT = 0.2;
    /** Estimated maintenance time per written row per extra index (a B-tree insertion with its WAL), in ms. */
    public static final double WRITE_MS_PER_ROW = 0.002;

    private IndexSelection() {}

    public static List<Recommendation> select(List<WorkloadStatement> statements, double[] costBefore, List<CostedCandidate> candidates,
            Map<String, Long> tableWrites, long budgetBytes) {
        double[] best = costBefore.clone();
        List<Recommendation> chosen = new ArrayList<>();
        List<CostedCandidate> left = new ArrayList<>(candidates);
        long used = 0;
        while (true) {
            Recommendation top = null;
            CostedCandidate topC = null;
            for (CostedCandidate c : left) {
                if (used + c.sizeBytes() > budgetBytes) continue;
                if (conflicts(c.candidate(), chosen)) continue;
                Recommendation r = evaluate(statements, costBefore, best, c, tableWrites);
                if (r.helps().isEmpty() || r.netMs() <= 0) continue;
                if (top == null || r.netMs() > top.netMs() || (r.netMs() == top.netMs() && r.sizeBytes() < top.sizeBytes())) {
                    top = r;
                    topC = c;
                }
            }
            if (top == null) break;
            chosen.add(top);
            left.remove(topC);
            used += top.sizeBytes();
            for (Recommendation.Help h : top.helps()) best[h.statement()] = Math.min(best[h.statement()], h.costAfter());
        }
        chosen.sort(Comparator.comparingDouble(Recommendation::netMs).reversed());
        return chosen;
    }

    private static Recommendation evaluate(List<WorkloadStatement> statements, double[] before, double[] best, CostedCandidate c, Map<String, Long> writes) {
        List<Recommendation.Help> helps = new ArrayList<>();
        double saved = 0;
        for (Map.Entry<Integer, Double> e : c.costWith().entrySet()) {
            int i = e.getKey();
            double after = e.getValue();
            if (before[i] <= 0 || after >= best[i]) continue;
            if ((before[i] - after) / before[i] < MIN_IMPROVEMENT) continue;
            WorkloadStatement s = statements.get(i);
            // time saved on top of what the indexes chosen so far already save for this statement
            double gain = s.calls() * s.meanTimeMs() * (best[i] - after) / before[i];
            saved += gain;
            helps.add(new Recommendation.Help(i, before[i], after, s.calls() * s.meanTimeMs() * (before[i] - after) / before[i]));
        }
        double penalty = writes.getOrDefault(c.candidate().table(), 0L) * WRITE_MS_PER_ROW;
        return new Recommendation(c.candidate(), c.sizeBytes(), saved, penalty, List.copyOf(helps));
    }

    private static boolean conflicts(IndexCandidate c, List<Recommendation> chosen) {
        for (Recommendation r : chosen) {
            IndexCandidate o = r.index();
            if (!o.table().equals(c.table())) continue;
            if (c.coveredBy(o.keys(), o.where()) || o.coveredBy(c.keys(), c.where())) return true;
        }
        return false;
    }
}
