package dev.dbtool.runtime;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;

/**
 * DataLoaders for relation fields: every key a query level asks for goes into one SQL statement. graphql-java
 * dispatches them level by level, so a nested query costs one statement per level whatever the number of parents.
 */
public final class Batches {
    /** A batch query over a set of keys. */
    @FunctionalInterface
    public interface Query<K, R> {
        R run(java.sql.Connection c, Set<K> keys) throws SQLException;
    }

    private Batches() {}

    /** Each key to at most one row (to-one relations). */
    public static <K, V> DataLoader<K, V> one(Database db, Query<K, List<V>> query, Function<V, K> keyOf) {
        return DataLoaderFactory.newMappedDataLoader((Set<K> keys) -> run(db, keys, query, rows -> {
            Map<K, V> out = new HashMap<>();
            for (V row : rows) out.put(keyOf.apply(row), row);
            return out;
        }));
    }

    /** Each key to its rows, in the query's order (to-many relations); keys without rows get an empty list. */
    public static <K, V> DataLoader<K, List<V>> many(Database db, Query<K, List<V>> query, Function<V, K> keyOf) {
        return DataLoaderFactory.newMappedDataLoader((Set<K> keys) -> run(db, keys, query, rows -> {
            Map<K, List<V>> out = new HashMap<>();
            for (K k : keys) out.put(k, new ArrayList<>());
            for (V row : rows) out.computeIfAbsent(keyOf.apply(row), k -> new ArrayList<>()).add(row);
            return out;
        }));
    }

    /** Each key to its rows when the query already groups them (many-to-many through a join table). */
    public static <K, V> DataLoader<K, List<V>> grouped(Database db, Query<K, Map<K, List<V>>> query) {
        return DataLoaderFactory.newMappedDataLoader((Set<K> keys) -> run(db, keys, query, grouped -> {
            Map<K, List<V>> out = new HashMap<>(grouped);
            for (K k : keys) out.putIfAbsent(k, List.of());
            return out;
        }));
    }

    /** Each key to the value the query computes for all keys at once (counts); keys it leaves out get none. */
    public static <K, V> DataLoader<K, V> mapped(Database db, Query<K, Map<K, V>> query) {
        return DataLoaderFactory.newMappedDataLoader((Set<K> keys) -> run(db, keys, query, values -> values));
    }

    /** Fetches rows for a set of keys (through the cache); may fail with a database error. */
    @FunctionalInterface
    public interface Fetch<K, R> {
        R fetch(Set<K> keys) throws SQLException;
    }

    /** Each key to at most one row, fetched by {@code fetch} (the cache layer's batch read). */
    public static <K, V> DataLoader<K, V> oneVia(Fetch<K, List<V>> fetch, Function<V, K> keyOf) {
        return DataLoaderFactory.newMappedDataLoader((Set<K> keys) -> {
            try {
                Map<K, V> out = new HashMap<>();
                for (V row : fetch.fetch(keys)) out.put(keyOf.apply(row), row);
                return CompletableFuture.completedFuture(out);
            } catch (SQLException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** Each key to its rows, fetched already grouped by {@code fetch} (the cache layer's group read). */
    public static <K, V> DataLoader<K, List<V>> groupedVia(Fetch<K, Map<K, List<V>>> fetch) {
        return DataLoaderFactory.newMappedDataLoader((Set<K> keys) -> {
            try {
                Map<K, List<V>> out = new HashMap<>(fetch.fetch(keys));
                for (K k : keys) out.putIfAbsent(k, List.of());
                return CompletableFuture.completedFuture(out);
            } catch (SQLException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    private static <K, R, M> CompletionStage<M> run(Database db, Set<K> keys, Query<K, R> query, Function<R, M> shape) {
        try {
            return CompletableFuture.completedFuture(shape.apply(db.read(c -> query.run(c, keys))));
        } catch (SQLException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Values as a text array parameter ({@code = ANY(?::type[])}): every key type has a text form. */
    public static java.sql.Array textArray(java.sql.Connection c, Collection<?> values) throws SQLException {
        Object[] text = new Object[values.size()];
        int i = 0;
        for (Object v : values) text[i++] = String.valueOf(v);
        return c.createArrayOf("text", text);
    }
}
