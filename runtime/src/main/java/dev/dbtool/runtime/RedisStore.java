package dev.dbtool.runtime;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Redis connection of the cache layer (Lettuce): standalone, TLS, Sentinel or Cluster from one URL, commands
 * with a short timeout that fail fast while disconnected, and a circuit breaker: after {@link #FAILURES} failures in a
 * row Redis is left alone for {@link #OPEN_MILLIS} ms, then one request probes it. While the breaker is open every
 * cache call throws {@link CacheUnavailable} at once and the request is answered from the database.
 */
public final class RedisStore implements AutoCloseable {
    static final int FAILURES = 5;
    static final long OPEN_MILLIS = 2000;

    private final AutoCloseable client;
    private final AutoCloseable connection;
    private final RedisClusterCommands<String, byte[]> commands;
    private final CacheStats stats;
    private int failures;
    private long openUntil;

    private RedisStore(AutoCloseable client, AutoCloseable connection, RedisClusterCommands<String, byte[]> commands, CacheStats stats) {
        this.client = client;
        this.connection = connection;
        this.commands = commands;
        this.stats = stats;
    }

    public static RedisStore connect(CacheConfig config, CacheStats stats) {
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        TimeoutOptions timeouts = TimeoutOptions.enabled(config.commandTimeout());
        if (config.redisUrl().startsWith("redis-cluster://")) {
            List<RedisURI> seeds = new ArrayList<>();
            for (String hostPort : config.redisUrl().substring("redis-cluster://".length()).split(",")) {
                RedisURI uri = RedisURI.create("redis://" + hostPort);
                if (config.password() != null) uri.setAuthentication(config.password().toCharArray());
                seeds.add(uri);
            }
            RedisClusterClient client = RedisClusterClient.create(seeds);
            client.setOptions(ClusterClientOptions.builder().timeoutOptions(timeouts).disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
            StatefulRedisClusterConnection<String, byte[]> c = client.connect(codec);
            return new RedisStore(client::shutdown, c, c.sync(), stats);
        }
        RedisURI uri = RedisURI.create(config.redisUrl());
        // a password in the URL wins over REDIS_PASSWORD
        if (config.password() != null && !config.redisUrl().contains("@")) uri.setAuthentication(config.password().toCharArray());
        uri.setTimeout(config.commandTimeout());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder().timeoutOptions(timeouts).disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        StatefulRedisConnection<String, byte[]> c = client.connect(codec);
        return new RedisStore(client::shutdown, c, c.sync(), stats);
    }

    /** Runs commands against Redis, or throws {@link CacheUnavailable} (counted as an error) without waiting when it is down. */
    public <T> T call(Function<RedisClusterCommands<String, byte[]>, T> op) throws CacheUnavailable {
        synchronized (this) {
            if (openUntil > System.currentTimeMillis()) throw new CacheUnavailable("circuit open", null);
        }
        try {
            T result = op.apply(commands);
            synchronized (this) {
                failures = 0;
            }
            return result;
        } catch (RuntimeException e) {
            stats.error();
            synchronized (this) {
                if (++failures >= FAILURES) openUntil = System.currentTimeMillis() + OPEN_MILLIS;
            }
            throw new CacheUnavailable("redis failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Whether the breaker currently lets calls through. */
    public synchronized boolean available() { return openUntil <= System.currentTimeMillis(); }

    @Override
    public void close() {
        try {
            connection.close();
            client.close();
        } catch (Exception e) {
            // closing: nothing to do about it
        }
    }
}
