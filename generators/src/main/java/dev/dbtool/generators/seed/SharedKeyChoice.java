package dev.dbtool.generators.seed;

import dev.dbtool.core.physical.DbForeignKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Foreign keys of one table that share columns (langfuse's InAppAgentEvent: {@code (conversationId, projectId)} →
 * a conversation, {@code (runId, projectId)} → a run, {@code projectId} → a project): picked independently, the
 * conversation and the run would belong to different projects and the row would break a key. Here a row first draws
 * the shared values among those every key's parent table has, then each key a parent row with those values.
 */
final class SharedKeyChoice {
    private final List<DbForeignKey> fks;
    private final List<String> shared;
    private final long seed;
    private final String table;
    /** Per key: the shared values (in {@link #shared}'s order) → the parent rows that have them. */
    private final Map<DbForeignKey, Map<List<String>, List<Integer>>> index = new HashMap<>();
    /** The shared values every key's parent table has, in a fixed order. */
    private final List<List<String>> common;

    /** {@code parentValue}: per key, its parent table's value of a column at a row. */
    SharedKeyChoice(String table, List<DbForeignKey> fks, List<String> shared, Map<DbForeignKey, Integer> parentRows,
                    Map<DbForeignKey, BiFunction<String, Integer, String>> parentValue, long seed) {
        this.table = table;
        this.fks = List.copyOf(fks);
        this.shared = List.copyOf(shared);
        this.seed = seed;
        List<List<String>> inAll = null;
        for (DbForeignKey fk : fks) {
            Map<List<String>, List<Integer>> rows = new java.util.LinkedHashMap<>();
            for (int j = 0; j < parentRows.get(fk); j++) {
                List<String> values = new ArrayList<>();
                for (String s : shared) values.add(parentValue.get(fk).apply(fk.referencedColumns().get(fk.columns().indexOf(s)), j));
                rows.computeIfAbsent(values, v -> new ArrayList<>()).add(j);
            }
            index.put(fk, rows);
            if (inAll == null) inAll = new ArrayList<>(rows.keySet());
            else inAll.retainAll(rows.keySet());
        }
        this.common = inAll == null ? List.of() : List.copyOf(inAll);
    }

    /** The columns two or more of a table's foreign keys hold. */
    static List<String> sharedColumns(List<DbForeignKey> fks) {
        Map<String, Integer> uses = new HashMap<>();
        for (DbForeignKey fk : fks) for (String c : fk.columns()) uses.merge(c, 1, Integer::sum);
        return uses.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    boolean covers(DbForeignKey fk) { return fks.contains(fk); }

    /** Whether some shared values exist in every parent table (else no row can satisfy every key). */
    boolean possible() { return !common.isEmpty(); }

    /** The parent row {@code fk} points at in row {@code row}. */
    int parentRow(DbForeignKey fk, int row) {
        List<String> values = common.get(new Random(SeedRandom.mix(seed, table, row, "shared:" + String.join(",", shared))).nextInt(common.size()));
        List<Integer> rows = index.get(fk).get(values);
        return rows.get(new Random(SeedRandom.mix(seed, table, row, fk.name())).nextInt(rows.size()));
    }
}
