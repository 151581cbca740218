package dev.dbtool.generators.advisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate indexes from the statements that touch each table, the way a DBA would write them: equality columns
 * first, then one range column, then the ORDER BY keys with their directions ({@code WHERE a = $1 ORDER BY b DESC}
 * gives {@code (a, b DESC)}); a partial variant when a predicate compares with a constant; an INCLUDE variant when the
 * statement reads few other columns (index-only scans); single columns for joins. Candidates an existing valid index
 * covers as a prefix are dropped.
 */
public final class CandidateGenerator {
    static final int MAX_WIDTH = 4;
    static final int MAX_INCLUDE = 3;

    private CandidateGenerator() {}

    /** Each candidate and the statements (by index in {@code statements}) it may help. */
    public static Map<IndexCandidate, Set<Integer>> generate(List<AnalyzedStatement> statements, List<ExistingIndex> existing) {
        Map<IndexCandidate, Set<Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            AnalyzedStatement s = statements.get(i);
            if (!s.usable()) continue;
            for (TableUse use : s.tables()) {
                for (IndexCandidate c : forUse(use)) {
                    if (covered(c, existing)) continue;
                    out.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(i);
                }
            }
        }
        return out;
    }

    static List<IndexCandidate> forUse(TableUse use) {
        List<IndexCandidate> out = new ArrayList<>();
        List<IndexKey> keys = new ArrayList<>();
        for (String c : use.equality()) add(keys, new IndexKey(c, false));
        String range = use.range().isEmpty() ? null : use.range().get(0);
        boolean sortFits = use.sortable() && !use.orderBy().isEmpty() && (range == null || use.orderBy().get(0).column().equals(range));
        if (range != null && !sortFits) add(keys, new IndexKey(range, false));
        if (sortFits) for (TableUse.SortKey k : use.orderBy()) add(keys, new IndexKey(k.column(), k.descending()));
        if (keys.size() > MAX_WIDTH) keys = keys.subList(0, MAX_WIDTH);
        if (!keys.isEmpty()) {
            out.add(new IndexCandidate(use.table(), List.copyOf(keys), List.of(), null));
            for (TableUse.Constant k : use.constants()) {
                List<IndexKey> rest = keys.stream().filter(x -> !x.column().equals(k.column())).toList();
                if (!rest.isEmpty()) out.add(new IndexCandidate(use.table(), rest, List.of(), k.sql()));
            }
            if (!use.readsAll() && !use.readColumns().isEmpty()) {
                Set<String> inKey = new LinkedHashSet<>();
                keys.forEach(k -> inKey.add(k.column()));
                List<String> include = use.readColumns().stream().filter(c -> !inKey.contains(c)).sorted().toList();
                if (!include.isEmpty() && include.size() <= MAX_INCLUDE) out.add(new IndexCandidate(use.table(), List.copyOf(keys), include, null));
            }
        } else {
            for (TableUse.Constant k : use.constants()) {
                if (use.range().isEmpty()) continue;
                out.add(new IndexCandidate(use.table(), List.of(new IndexKey(use.range().get(0), false)), List.of(), k.sql()));
            }
        }
        for (String j : use.joins()) out.add(new IndexCandidate(use.table(), List.of(new IndexKey(j, false)), List.of(), null));
        return out;
    }

    private static void add(List<IndexKey> keys, IndexKey k) {
        for (IndexKey x : keys) if (x.column().equals(k.column())) return;
        keys.add(k);
    }

    static boolean covered(IndexCandidate c, List<ExistingIndex> existing) {
        for (ExistingIndex e : existing) {
            if (!e.valid() || !e.table().equals(c.table())) continue;
            if (c.coveredBy(e.keys(), e.where()) && c.include().isEmpty()) return true;
            if (!c.include().isEmpty() && c.coveredBy(e.keys(), e.where())) {
                Set<String> cols = new LinkedHashSet<>();
                e.keys().forEach(k -> cols.add(k.column()));
                if (cols.containsAll(c.include())) return true;
            }
        }
        return false;
    }
}
