package dev.dbtool.runtime;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Lua scripts of the cache: each read or invalidation is one atomic round trip. All keys of a model share its hash
 * tag, so in Redis Cluster a script's keys are always on one slot.
 */
final class CacheScripts {
    /**
     * Shared by every script that reads or moves a counter (generation, epoch, version). {@code incarnation} is the
     * serving Redis process's run id (12 hex digits): a new one after every restart and on every other server, so
     * entries stored before a restart from a snapshot or AOF, or on the old master before a failover, or on another
     * node before a slot moved, are under keys no reader builds again. {@code counter} reads a counter and, when it
     * is missing (never set, expired, evicted, flushed), sets it to the server clock in microseconds, above any value it
     * held before: a lost counter never goes back to a value entries were stored under.
     */
    private static final String COUNTERS = """
            local incarnation = string.sub(string.match(redis.call('INFO', 'server'), 'run_id:(%x+)'), 1, 12)
            local function counter(key, px)
              local v = redis.call('GET', key)
              if v then return v end
              local t = redis.call('TIME')
              v = t[1] .. string.format('%06d', tonumber(t[2]))
              if px then redis.call('SET', key, v, 'PX', px) else redis.call('SET', key, v) end
              return v
            end
            """;
    /**
     * Per id: its version ({@code <incarnation>.<model epoch>.<id version>}) and the value stored under it. KEYS[1] is
     * the model's epoch (moved by deletes that cascade into it), KEYS[2..] the ids' version keys; ARGV[1] the row key
     * prefix, ARGV[2] the versions' expiry (ms), ARGV[3..] the ids.
     */
    static final String READ_IDS = COUNTERS + """
            local e = incarnation .. '.' .. counter(KEYS[1])
            local out = {}
            for i = 2, #KEYS do
              local v = e .. '.' .. counter(KEYS[i], ARGV[2])
              out[2 * i - 3] = v
              out[2 * i - 2] = redis.call('GET', ARGV[1] .. ARGV[i + 1] .. ':v' .. v) or false
            end
            return out""";
    /** The model generation, the value under it, and its remaining TTL (ms). */
    static final String READ_GEN = COUNTERS + """
            local g = incarnation .. '.' .. counter(KEYS[1])
            local key = ARGV[1] .. g .. ARGV[2]
            local value = redis.call('GET', key) or false
            local ttl = -2
            if value then ttl = redis.call('PTTL', key) end
            return {g, value, ttl}""";
    /** The model generation alone (for the query cache's key). */
    static final String GENERATION = COUNTERS + """
            return incarnation .. '.' .. counter(KEYS[1])""";
    /** The model generation, then the value of each given key suffix under it. */
    static final String READ_GROUPS = COUNTERS + """
            local g = incarnation .. '.' .. counter(KEYS[1])
            local out = {g}
            for i = 2, #ARGV do out[i] = redis.call('GET', ARGV[1] .. g .. ARGV[i]) or false end
            return out""";
    /**
     * After a committed write: the generation, each touched id's version (expiring after ARGV[1] ms) and, when ARGV[2] is
     * 1 (rows changed by a cascade, ids unknown), the epoch every id's version includes. KEYS: generation, epoch, versions.
     * A missing counter starts from the clock, then moves on: above whatever a reader may have stored under.
     */
    static final String INVALIDATE = COUNTERS + """
            counter(KEYS[1])
            redis.call('INCR', KEYS[1])
            if ARGV[2] == '1' then
              counter(KEYS[2])
              redis.call('INCR', KEYS[2])
            end
            for i = 3, #KEYS do
              counter(KEYS[i], ARGV[1])
              redis.call('INCR', KEYS[i])
              redis.call('PEXPIRE', KEYS[i], ARGV[1])
            end
            return 1""";
    private CacheScripts() {}

    static <T> T run(RedisClusterCommands<String, byte[]> redis, String script, ScriptOutputType type, List<String> keys, List<byte[]> args) {
        String[] k = keys.toArray(String[]::new);
        byte[][] a = args.toArray(byte[][]::new);
        try {
            return redis.evalsha(sha1(script), type, k, a);
        } catch (RedisNoScriptException e) {
            return redis.eval(script, type, k, a);
        }
    }

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static String text(Object o) { return o == null ? null : o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : o.toString(); }

    private static final java.util.Map<String, String> SHAS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String sha1(String script) {
        return SHAS.computeIfAbsent(script, s -> {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes(s)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
