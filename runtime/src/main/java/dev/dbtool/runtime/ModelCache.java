package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.JavaType;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The cache of one {@code @@cache} model. Keys carry the model's hash tag ({@code {prefix:Model}}), so one model's keys
 * share a Redis Cluster slot.
 *
 * <ul>
 * <li>Rows by id live under the id's version: {@code {p:M}:id:<id>:v<version>}. A committed write increments the
 * versions of the ids it touched (see {@link #invalidate}); a reader that read the old row before the write stores it
 * under the old version, which no later reader looks at.</li>
 * <li>Lists (findMany pages, to-many relation groups, unique lookups) live under the model's generation:
 * {@code {p:M}:list:g<generation>:<hash of the arguments>}. Every committed write of the model increments the generation,
 * so every list of it drops at once, and a racing reader's stale list lands under the dead generation.</li>
 * <li>TTLs get ±10 % jitter so keys written together do not expire together; a hot list read in the last tenth of its
 * TTL is refreshed in the background by one process (a short Redis lock), before it expires.</li>
 * <li>Misses of one key are loaded once per process (single flight) and, across processes, by whoever takes the
 * key's lock first; the others wait briefly for its value.</li>
 * <li>Any Redis problem makes the call go to the database ({@link CacheUnavailable} is never thrown out of here).</li>
 * </ul>
 */
public final class ModelCache<T> {
    private final RedisStore redis;
    private final CacheCodec codec;
    private final CacheStats stats;
    private final Database database;
    private final ExecutorService refresher;
    private final String tag;
    private final long ttlMillis;
    private final String shape;
    private final JavaType rowType;
    private final UnaryOperator<T> toCache;
    private final UnaryOperator<T> fromCache;
    private final SingleFlight flights;
    private final SingleFlight.Codec<T> rowCodec;
    private final java.util.function.BooleanSupplier usable;

    /** @param usable false while invalidations could not reach Redis: the cache is bypassed until they have */
    public ModelCache(RedisStore redis, CacheCodec codec, CacheStats stats, Database database, ExecutorService refresher, String prefix, String model,
            long ttlMillis, String shape, Class<T> rowClass, UnaryOperator<T> toCache, UnaryOperator<T> fromCache, java.util.function.BooleanSupplier usable) {
        this.usable = usable;
        this.redis = redis;
        this.codec = codec;
        this.stats = stats;
        this.database = database;
        this.refresher = refresher;
        this.tag = "{" + prefix + ":" + model + "}";
        this.ttlMillis = ttlMillis;
        this.shape = shape;
        this.rowType = codec.type(rowClass);
        this.toCache = toCache;
        this.fromCache = fromCache;
        this.flights = new SingleFlight(redis, stats);
        this.rowCodec = new SingleFlight.Codec<>(b -> {
            T row = codec.decode(shape, b, rowType);
            return row == null ? null : fromCache.apply(row);
        }, row -> codec.encode(shape, toCache.apply(row)));
    }

    /** Loads rows for the given ids (only those not cached). */
    @FunctionalInterface
    public interface BatchLoad<K, T> {
        List<T> load(Connection c, Collection<K> ids) throws SQLException;
    }

    /** Rows by primary key: one script round trip for the whole batch, then one query for the misses. */
    public <K> List<T> byIds(Collection<K> ids, BatchLoad<K, T> load, Function<T, K> keyOf) throws SQLException {
        List<K> keys = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        if (keys.isEmpty()) return List.of();
        if (bypass()) return database.read(c -> load.load(c, keys));
        Map<K, T> found = new LinkedHashMap<>();
        Map<K, String> versions = new HashMap<>();
        try {
            List<String> verKeys = new ArrayList<>();
            verKeys.add(tag + ":epoch");
            List<byte[]> args = new ArrayList<>();
            args.add(CacheScripts.bytes(tag + ":id:"));
            args.add(CacheScripts.bytes(Long.toString(versionTtl())));
            for (K k : keys) {
                verKeys.add(tag + ":ver:" + k);
                args.add(CacheScripts.bytes(String.valueOf(k)));
            }
            List<Object> out = redis.call(r -> CacheScripts.run(r, CacheScripts.READ_IDS, ScriptOutputType.MULTI, verKeys, args));
            for (int i = 0; i < keys.size(); i++) {
                versions.put(keys.get(i), CacheScripts.text(out.get(2 * i)));
                T row = out.get(2 * i + 1) instanceof byte[] b ? codec.decode(shape, b, rowType) : null;
                if (row != null) found.put(keys.get(i), fromCache.apply(row));
            }
        } catch (CacheUnavailable e) {
            return database.read(c -> load.load(c, keys));
        }
        stats.hit(found.size());
        List<K> missing = keys.stream().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            stats.miss(missing.size());
            Map<K, String> entryKeys = new LinkedHashMap<>();
            for (K k : missing) entryKeys.put(k, tag + ":id:" + k + ":v" + versions.get(k));
            found.putAll(flights.load(entryKeys, ks -> {
                Map<K, T> rows = new HashMap<>();
                for (T row : database.read(c -> load.load(c, ks))) rows.put(keyOf.apply(row), row);
                return rows;
            }, rowCodec, jittered()));
        }
        List<T> result = new ArrayList<>();
        for (K k : keys) if (found.containsKey(k)) result.add(found.get(k));
        return result;
    }

    /** Loads a list value (a page, a group, a lookup) from the database. */
    @FunctionalInterface
    public interface Load<V> {
        V load(Connection c) throws SQLException;
    }

    /** A page of rows (findMany), keyed by its normalised arguments under the current generation. */
    public Page<T> page(String arguments, Load<Page<T>> load) throws SQLException {
        Page<T> stored = list(arguments, codec.type(Page.class, rowType.getRawClass()), c -> mapPage(load.load(c), toCache));
        return mapPage(stored, fromCache);
    }

    /** Rows found by some lookup (a unique field), keyed by its normalised arguments under the current generation. */
    public List<T> rows(String arguments, Load<List<T>> load) throws SQLException {
        List<T> stored = list(arguments, codec.listOf(rowType.getRawClass()), c -> load.load(c).stream().map(toCache).toList());
        return stored.stream().map(fromCache).toList();
    }

    private static <T> Page<T> mapPage(Page<T> page, UnaryOperator<T> f) {
        List<Page.Edge<T>> edges = new ArrayList<>(page.edges().size());
        for (Page.Edge<T> e : page.edges()) edges.add(new Page.Edge<>(e.cursor(), f.apply(e.node())));
        return new Page<>(List.copyOf(edges), page.pageInfo(), page.totalCount());
    }

    /**
     * A value derived from the model's rows, as it is stored (rows already converted for the cache), keyed by
     * {@code arguments} under the current generation.
     */
    private <V> V list(String arguments, JavaType type, Load<V> load) throws SQLException {
        if (bypass()) return database.read(load::load);
        String suffix = ":" + Hashes.sha256(arguments);
        String prefix = tag + ":list:g";
        String generation;
        try {
            List<Object> out = redis.call(r -> CacheScripts.run(r, CacheScripts.READ_GEN, ScriptOutputType.MULTI, List.of(tag + ":gen"),
                    List.of(CacheScripts.bytes(prefix), CacheScripts.bytes(suffix))));
            generation = CacheScripts.text(out.get(0));
            V value = out.get(1) instanceof byte[] b ? codec.decode(shape, b, type) : null;
            if (value != null) {
                stats.hit(1);
                long ttlLeft = out.get(2) instanceof Long l ? l : -1;
                if (ttlLeft >= 0 && ttlLeft < ttlMillis / 10) refreshLater(prefix + generation + suffix, type, load);
                return value;
            }
        } catch (CacheUnavailable e) {
            return database.read(load::load);
        }
        stats.miss(1);
        String key = prefix + generation + suffix;
        SingleFlight.Codec<V> values = new SingleFlight.Codec<>(b -> codec.decode(shape, b, type), v -> codec.encode(shape, v));
        return flights.load(Map.of(key, key), ks -> java.util.Collections.singletonMap(key, database.read(load::load)), values, jittered()).get(key);
    }

    private <V> void refreshLater(String key, JavaType type, Load<V> load) {
        try {
            String refreshLock = key + ":refresh";
            boolean locked = "OK".equals(redis.call(r -> r.set(refreshLock, CacheScripts.bytes("1"), SetArgs.Builder.nx().px(Math.max(200, ttlMillis / 10)))));
            if (!locked) return;
            refresher.execute(() -> {
                try {
                    V value = database.read(load::load);
                    byte[] bytes = codec.encode(shape, value);
                    redis.call(r -> r.set(key, bytes, SetArgs.Builder.px(jittered())));
                    redis.call(r -> r.del(refreshLock));
                    stats.refresh();
                } catch (SQLException | CacheUnavailable | RuntimeException e) {
                    // the entry simply expires and the next reader loads it
                }
            });
        } catch (CacheUnavailable | java.util.concurrent.RejectedExecutionException e) {
            // no refresh: the entry expires normally
        }
    }

    /**
     * Groups of rows keyed by a column (a to-many relation), one script round trip for all keys, one query for the
     * missing ones; under the model's generation, so any write of the model drops them.
     */
    public <K> Map<K, List<T>> groups(String field, Set<K> keys, BatchLoad<K, T> load, Function<T, K> keyOf) throws SQLException {
        Map<K, List<T>> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        if (bypass()) return group(database.read(c -> load.load(c, keys)), keys, keyOf);
        List<K> order = new ArrayList<>(keys);
        String prefix = tag + ":by:" + field + ":g";
        String generation;
        JavaType listType = codec.listOf(rowType.getRawClass());
        try {
            List<byte[]> args = new ArrayList<>();
            args.add(CacheScripts.bytes(prefix));
            for (K k : order) args.add(CacheScripts.bytes(":" + k));
            List<Object> res = redis.call(r -> CacheScripts.run(r, CacheScripts.READ_GROUPS, ScriptOutputType.MULTI, List.of(tag + ":gen"), args));
            generation = CacheScripts.text(res.get(0));
            for (int i = 0; i < order.size(); i++) {
                List<T> rows = res.get(i + 1) instanceof byte[] b ? codec.decode(shape, b, listType) : null;
                if (rows != null) out.put(order.get(i), rows.stream().map(fromCache).toList());
            }
        } catch (CacheUnavailable e) {
            return group(database.read(c -> load.load(c, keys)), keys, keyOf);
        }
        stats.hit(out.size());
        List<K> missing = order.stream().filter(k -> !out.containsKey(k)).toList();
        if (missing.isEmpty()) return out;
        stats.miss(missing.size());
        Map<K, String> entryKeys = new LinkedHashMap<>();
        for (K k : missing) entryKeys.put(k, prefix + generation + ":" + k);
        SingleFlight.Codec<List<T>> lists = new SingleFlight.Codec<>(b -> {
            List<T> rows = codec.decode(shape, b, listType);
            return rows == null ? null : rows.stream().map(fromCache).toList();
        }, rows -> codec.encode(shape, rows.stream().map(toCache).toList()));
        out.putAll(flights.load(entryKeys, ks -> group(database.read(c -> load.load(c, ks)), ks, keyOf), lists, jittered()));
        return out;
    }

    private static <K, T> Map<K, List<T>> group(List<T> rows, Collection<K> keys, Function<T, K> keyOf) {
        Map<K, List<T>> out = new HashMap<>();
        for (K k : keys) out.put(k, new ArrayList<>());
        for (T row : rows) out.computeIfAbsent(keyOf.apply(row), k -> new ArrayList<>()).add(row);
        return out;
    }

    /**
     * After a committed write: the generation and the touched ids' versions move on in one atomic script. Throws when
     * Redis cannot be told, so the caller can retry (see {@code ApiCache}).
     */
    public void invalidate(Collection<?> ids, boolean cascade) throws CacheUnavailable {
        List<String> keys = new ArrayList<>();
        keys.add(tag + ":gen");
        keys.add(tag + ":epoch");
        for (Object id : ids) keys.add(tag + ":ver:" + id);
        redis.call(r -> CacheScripts.run(r, CacheScripts.INVALIDATE, ScriptOutputType.INTEGER, keys,
                List.of(CacheScripts.bytes(Long.toString(versionTtl())), CacheScripts.bytes(cascade ? "1" : "0"))));
        stats.invalidation();
    }

    String tag() { return tag; }

    /** True while an invalidation of this process waits for Redis: the read goes to the database (and is counted). */
    private boolean bypass() {
        // inside a request-wide transaction reads see uncommitted rows, which must never reach Redis (it may roll back)
        if (database.inTransaction()) return true;
        if (usable.getAsBoolean()) return false;
        stats.preventedStale();
        return true;
    }

    /** The model's current generation (with the serving Redis's incarnation), for the query cache's key. */
    String generation() throws CacheUnavailable {
        return CacheScripts.text(redis.call(r -> CacheScripts.run(r, CacheScripts.GENERATION, ScriptOutputType.VALUE, List.of(tag + ":gen"), List.of())));
    }

    /**
     * How long a row's version outlives its last use: longer than any entry stored under it. (Correctness does not
     * depend on it: a version that is gone starts again above its old values.)
     */
    private long versionTtl() { return ttlMillis * 3 + 60_000; }

    long ttlMillis() { return ttlMillis; }

    private long jittered() {
        long spread = Math.max(1, ttlMillis / 10);
        return ttlMillis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1);
    }
}
