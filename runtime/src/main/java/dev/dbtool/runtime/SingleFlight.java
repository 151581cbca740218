package dev.dbtool.runtime;

import io.lettuce.core.ScriptOutputType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Loads cache entries that missed, each key once: in this process, concurrent misses of a key wait for the first
 * one's load; across processes, the first to take the key's short Redis lock loads it and the others wait up to a
 * second for the value it stores before they load it themselves. Several keys are claimed, loaded (one database call
 * for all of them) and stored together. Keys passed together must share a hash tag (one Redis Cluster slot).
 */
final class SingleFlight {
    /** Loads the values of some keys from the database; a key may have no value (a row that does not exist). */
    @FunctionalInterface
    interface Load<K, V> {
        Map<K, V> load(List<K> keys) throws SQLException;
    }

    /** How values travel through Redis: {@code decode} returns null for bytes it cannot use (a miss), {@code encode} null for a value not to store. */
    record Codec<V>(Function<byte[], V> decode, Function<V, byte[]> encode) {}

    /** For each key: the entry's value, or 1 when this caller took the key's lock, or 0 when another holds it. */
    private static final String CLAIM = """
            local out = {}
            for i, key in ipairs(KEYS) do
              local v = redis.call('GET', key)
              if v then out[i] = v
              elseif redis.call('SET', key .. ':lock', '1', 'NX', 'PX', ARGV[1]) then out[i] = 1
              else out[i] = 0 end
            end
            return out""";
    /** Stores each key's value with a TTL (ARGV[1] ms, values from ARGV[2]; an empty one stores nothing) and releases its lock. */
    private static final String STORE = """
            for i, key in ipairs(KEYS) do
              if ARGV[i + 1] ~= '' then redis.call('SET', key, ARGV[i + 1], 'PX', ARGV[1]) end
              redis.call('DEL', key .. ':lock')
            end
            return 1""";
    static final long LOCK_MILLIS = 3000;
    static final long WAIT_MILLIS = 1000;
    private static final long POLL_MILLIS = 20;

    private final RedisStore redis;
    private final CacheStats stats;
    private final ConcurrentHashMap<String, CompletableFuture<Object>> flights = new ConcurrentHashMap<>();

    SingleFlight(RedisStore redis, CacheStats stats) {
        this.redis = redis;
        this.stats = stats;
    }

    /**
     * The values of {@code entryKeys} (key → Redis entry key), from another caller's load, from Redis, or loaded here
     * and stored for {@code ttlMillis}; keys without a value are absent from the result.
     */
    @SuppressWarnings("unchecked")
    <K, V> Map<K, V> load(Map<K, String> entryKeys, Load<K, V> load, Codec<V> codec, long ttlMillis) throws SQLException {
        Map<K, CompletableFuture<Object>> mine = new LinkedHashMap<>();
        Map<K, CompletableFuture<Object>> theirs = new LinkedHashMap<>();
        for (Map.Entry<K, String> e : entryKeys.entrySet()) {
            CompletableFuture<Object> f = new CompletableFuture<>();
            CompletableFuture<Object> running = flights.putIfAbsent(e.getValue(), f);
            if (running == null) mine.put(e.getKey(), f);
            else theirs.put(e.getKey(), running);
        }
        Map<K, V> out = new HashMap<>();
        if (!mine.isEmpty()) {
            Map<K, String> keys = new LinkedHashMap<>();
            for (K k : mine.keySet()) keys.put(k, entryKeys.get(k));
            try {
                out.putAll(claimAndLoad(keys, load, codec, ttlMillis));
                for (Map.Entry<K, CompletableFuture<Object>> e : mine.entrySet()) e.getValue().complete(out.get(e.getKey()));
            } catch (SQLException | RuntimeException | Error e) {
                for (CompletableFuture<Object> f : mine.values()) f.completeExceptionally(e);
                throw e;
            } finally {
                for (Map.Entry<K, CompletableFuture<Object>> e : mine.entrySet()) flights.remove(entryKeys.get(e.getKey()), e.getValue());
            }
        }
        for (Map.Entry<K, CompletableFuture<Object>> e : theirs.entrySet()) {
            try {
                V v = (V) e.getValue().get();
                if (v != null) out.put(e.getKey(), v);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a cache load", x);
            } catch (ExecutionException x) {
                if (x.getCause() instanceof SQLException s) throw s;
                if (x.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(x.getCause());
            }
        }
        return out;
    }

    private <K, V> Map<K, V> claimAndLoad(Map<K, String> keys, Load<K, V> load, Codec<V> codec, long ttlMillis) throws SQLException {
        Map<K, V> out = new HashMap<>();
        List<K> toLoad = new ArrayList<>();
        List<K> waiting = new ArrayList<>();
        try {
            List<K> order = new ArrayList<>(keys.keySet());
            List<Object> claims = redis.call(r -> CacheScripts.run(r, CLAIM, ScriptOutputType.MULTI, order.stream().map(keys::get).toList(),
                    List.of(CacheScripts.bytes(Long.toString(LOCK_MILLIS)))));
            for (int i = 0; i < order.size(); i++) {
                Object c = claims.get(i);
                V v = c instanceof byte[] b ? codec.decode().apply(b) : null;
                if (v != null) out.put(order.get(i), v);
                else if (Long.valueOf(0).equals(c)) waiting.add(order.get(i));
                else toLoad.add(order.get(i));
            }
            // another process is loading these: wait a little for its values rather than load them too
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (!waiting.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(POLL_MILLIS);
                List<K> asked = List.copyOf(waiting);
                List<io.lettuce.core.KeyValue<String, byte[]>> got = redis.call(r -> r.mget(asked.stream().map(keys::get).toArray(String[]::new)));
                for (int i = 0; i < asked.size(); i++) {
                    V v = got.get(i).hasValue() ? codec.decode().apply(got.get(i).getValue()) : null;
                    if (v != null) {
                        out.put(asked.get(i), v);
                        waiting.remove(asked.get(i));
                    }
                }
            }
        } catch (CacheUnavailable e) {
            // Redis went away meanwhile: load what is left from the database, store nothing
            List<K> rest = keys.keySet().stream().filter(k -> !out.containsKey(k)).toList();
            if (!rest.isEmpty()) {
                stats.load();
                out.putAll(load.load(rest));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        toLoad.addAll(waiting);
        toLoad.removeIf(out::containsKey);
        if (toLoad.isEmpty()) return out;
        stats.load();
        Map<K, V> loaded = load.load(toLoad);
        out.putAll(loaded);
        List<String> storeKeys = new ArrayList<>();
        List<byte[]> args = new ArrayList<>();
        args.add(CacheScripts.bytes(Long.toString(ttlMillis)));
        for (K k : toLoad) {
            byte[] bytes = loaded.containsKey(k) ? codec.encode().apply(loaded.get(k)) : null;
            storeKeys.add(keys.get(k));
            args.add(bytes == null ? new byte[0] : bytes); // nothing to store: the lock is released all the same
        }
        try {
            redis.call(r -> CacheScripts.run(r, STORE, ScriptOutputType.INTEGER, storeKeys, args));
        } catch (CacheUnavailable e) {
            // served from the database; cached next time
        }
        return out;
    }
}
