package dev.dbtool.runtime;

import java.util.List;

/**
 * Relay-style pagination arguments: {@code first}/{@code after} pages forward, {@code last}/{@code before} backward.
 * Without either count, {@link #DEFAULT_SIZE} rows; never more than the configured maximum.
 */
public record PageRequest(Integer first, String after, Integer last, String before, boolean withTotalCount, List<String> distinct) {
    public static final int DEFAULT_SIZE = 20;

    /**
     * {@code distinct}: Prisma's — of the rows with the same values of these fields, only the first in the list's order
     * (empty: every row).
     */
    public PageRequest {
        distinct = distinct == null ? List.of() : List.copyOf(distinct);
    }

    public PageRequest(Integer first, String after, Integer last, String before, boolean withTotalCount) {
        this(first, after, last, before, withTotalCount, List.of());
    }

    public static PageRequest first(int n) { return new PageRequest(n, null, null, null, false); }

    /** Checks the combination and the sizes; the errors name the argument at fault. */
    public PageRequest validated(int maxSize) {
        if (first != null && last != null) throw ApiException.badUserInput(List.of("last"), "Pass `first` or `last`, not both.");
        if (after != null && before != null) throw ApiException.badUserInput(List.of("before"), "Pass `after` or `before`, not both.");
        if (last != null && after != null) throw ApiException.badUserInput(List.of("after"), "`after` pages forward: use it with `first`.");
        if (first != null && before != null) throw ApiException.badUserInput(List.of("before"), "`before` pages backward: use it with `last`.");
        check("first", first, maxSize);
        check("last", last, maxSize);
        return this;
    }

    private static void check(String name, Integer n, int max) {
        if (n != null && (n < 0 || n > max)) throw ApiException.badUserInput(List.of(name), "`" + name + "` must be between 0 and " + max + ".");
    }

    boolean backward() { return last != null || before != null; }

    int size() { return last != null ? last : first != null ? first : DEFAULT_SIZE; }

    String cursor() { return before != null ? before : after; }
}
