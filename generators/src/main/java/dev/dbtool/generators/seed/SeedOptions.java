package dev.dbtool.generators.seed;

/** {@code --seed} and {@code --count} (null: {@code @@seed(count)} or {@link #DEFAULT_COUNT} per model). */
public record SeedOptions(long seed, Integer count) {
    public static final int DEFAULT_COUNT = 10;
}
