package dev.dbtool.runtime;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Redis connection of the job queues (Lettuce): one connection for commands, one for blocking reads per worker
 * (see {@link #blocking()}), scripts run by SHA with a fallback to their text. {@code REDIS_URL} as for the cache:
 * {@code redis://}, {@code rediss://}, {@code redis-sentinel://}, or {@code redis-cluster://host:port,host:port} for a
 * Redis Cluster (every key of a queue shares its hash tag, so each script runs on the queue's node).
 */
public final class QueueClient implements AutoCloseable {
    /** A connection: its commands, and how to close it. */
    public record Connection(AutoCloseable connection, RedisClusterCommands<String, String> sync) implements AutoCloseable {
        @Override
        public void close() {
            try {
                connection.close();
            } catch (Exception e) {
                // closing: nothing to do about it
            }
        }
    }

    private final AutoCloseable client;
    private final java.util.function.Supplier<Connection> connector;
    private final Connection connection;
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    private QueueClient(AutoCloseable client, java.util.function.Supplier<Connection> connector) {
        this.client = client;
        this.connector = connector;
        this.connection = connector.get();
    }

    /** Commands time out after 10 s. */
    public static QueueClient connect(String redisUrl) { return connect(redisUrl, Duration.ofSeconds(10)); }

    /**
     * Commands time out after {@code commandTimeout}; a worker retries what timed out (an acknowledgement is retried
     * until it lands), so a shorter timeout only means faster retries. Commands issued while the connection is down
     * wait for it, and those in flight when it drops are sent again once it is back.
     */
    public static QueueClient connect(String redisUrl, Duration commandTimeout) {
        String password = System.getenv("REDIS_PASSWORD");
        if (RedisClusters.isCluster(redisUrl)) {
            RedisClusterClient cluster = RedisClusterClient.create(RedisClusters.seeds(redisUrl, password));
            cluster.setOptions(ClusterClientOptions.builder().timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .topologyRefreshOptions(RedisClusters.topologyRefresh()).build());
            return new QueueClient(cluster::shutdown, () -> {
                StatefulRedisClusterConnection<String, String> c = cluster.connect();
                return new Connection(c, c.sync());
            });
        }
        RedisURI uri = RedisURI.create(redisUrl);
        if (password != null && !redisUrl.contains("@")) uri.setAuthentication(password.toCharArray());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder().timeoutOptions(TimeoutOptions.enabled(commandTimeout)).build());
        return new QueueClient(client::shutdown, () -> {
            StatefulRedisConnection<String, String> c = client.connect();
            return new Connection(c, c.sync());
        });
    }

    public static QueueClient fromEnvironment() { return connect(System.getenv().getOrDefault("REDIS_URL", "redis://localhost:6379")); }

    RedisClusterCommands<String, String> sync() { return connection.sync(); }

    /** A connection of its own, for blocking stream reads that must not hold up other commands. */
    Connection blocking() { return connector.get(); }

    <T> T script(String lua, ScriptOutputType type, String[] keys, String... args) {
        try {
            return sync().evalsha(sha(lua), type, keys, args);
        } catch (RedisNoScriptException e) {
            return sync().eval(lua, type, keys, args);
        }
    }

    String sha(String lua) {
        return shas.computeIfAbsent(lua, s -> {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void close() {
        connection.close();
        try {
            client.close();
        } catch (Exception e) {
            // closing: nothing to do about it
        }
    }
}
