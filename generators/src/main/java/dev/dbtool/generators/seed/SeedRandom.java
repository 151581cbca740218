package dev.dbtool.generators.seed;

/**
 * Seeds for every (table, row, column) as a pure function of the user's seed, so any value can be recomputed on
 * demand (a foreign key recomputes its parent's key instead of remembering it: constant memory for any row count)
 * and output does not depend on generation order.
 */
final class SeedRandom {
    private SeedRandom() {}

    static long mix(long seed, String table, long row, String column) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        h = step(h ^ table.hashCode());
        h = step(h ^ row);
        h = step(h ^ column.hashCode());
        return h;
    }

    /** SplitMix64's finaliser: good avalanche, so nearby rows get unrelated streams. */
    private static long step(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
