package dev.dbtool.runtime;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Redis connection of the cache layer (Lettuce): standalone, TLS, Sentinel or Cluster from one URL, commands
 * with a short timeout that fail fast while disconnected, and a circuit breaker: after {@link #FAILURES} failures in a
 * row Redis is left alone for {@link #OPEN_MILLIS} ms, then one request probes it. While the breaker is open every
 * cache call throws {@link CacheUnavailable} at once and the request is answered from the database.
 * The first connection is made in the background: an API starts when Redis is down or slow, serves from the database
 * meanwhile, and begins caching once a connection is up (Lettuce reconnects by itself after that).
 */
public final class RedisStore implements AutoCloseable {
    static final int FAILURES = 5;
    static final long OPEN_MILLIS = 2000;
    /** How long a new store waits for its first connection before it lets the API start without one. */
    static final long FIRST_CONNECT_MILLIS = 1000;

    private record Link(AutoCloseable connection, RedisClusterCommands<String, byte[]> commands) {}

    private final AutoCloseable client;
    private final Supplier<CompletableFuture<Link>> connector;
    private final CacheStats stats;
    private volatile Link link;
    private CompletableFuture<Link> connecting;
    private boolean closed;
    private int failures;
    private long openUntil;

    private RedisStore(AutoCloseable client, Supplier<CompletableFuture<Link>> connector, CacheStats stats) {
        this.client = client;
        this.connector = connector;
        this.stats = stats;
        CompletableFuture<Link> first = reconnect();
        try {
            if (first != null) first.get(FIRST_CONNECT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Redis is down or slow: start without it; requests go to the database until a connection is up
        }
    }

    public static RedisStore connect(CacheConfig config, CacheStats stats) {
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        TimeoutOptions timeouts = TimeoutOptions.enabled(config.commandTimeout());
        SocketOptions socket = SocketOptions.builder().connectTimeout(Duration.ofMillis(Math.max(1000, config.commandTimeout().toMillis()))).build();
        if (RedisClusters.isCluster(config.redisUrl())) {
            RedisClusterClient client = RedisClusterClient.create(RedisClusters.seeds(config.redisUrl(), config.password()));
            client.setOptions(ClusterClientOptions.builder().timeoutOptions(timeouts).socketOptions(socket).topologyRefreshOptions(RedisClusters.topologyRefresh())
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
            // an asynchronous connect needs the slot map first (Lettuce only loads it by itself on a synchronous one)
            return new RedisStore(client::shutdown, () -> client.refreshPartitionsAsync().toCompletableFuture()
                    .thenCompose(v -> client.connectAsync(codec)).thenApply(c -> new Link(c, c.sync())), stats);
        }
        RedisURI uri = RedisURI.create(config.redisUrl());
        // a password in the URL wins over REDIS_PASSWORD
        if (config.password() != null && !config.redisUrl().contains("@")) uri.setAuthentication(config.password().toCharArray());
        uri.setTimeout(config.commandTimeout());
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder().timeoutOptions(timeouts).socketOptions(socket)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return new RedisStore(client::shutdown, () -> client.connectAsync(codec, uri).toCompletableFuture().thenApply(c -> new Link(c, c.sync())), stats);
    }

    /** Starts a connection attempt unless one is up, under way, or the breaker is open; returns it (or null). */
    private synchronized CompletableFuture<Link> reconnect() {
        if (closed || link != null || (connecting != null && !connecting.isDone()) || openUntil > System.currentTimeMillis()) return null;
        CompletableFuture<Link> attempt;
        try {
            attempt = connector.get();
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        connecting = attempt.whenComplete((l, failure) -> {
            synchronized (RedisStore.this) {
                if (l != null && !closed) link = l;
                else if (l != null) closeQuietly(l.connection());
                else openUntil = System.currentTimeMillis() + OPEN_MILLIS;
            }
        });
        return connecting;
    }

    /** Runs commands against Redis, or throws {@link CacheUnavailable} (counted as an error) without waiting when it is down. */
    public <T> T call(Function<RedisClusterCommands<String, byte[]>, T> op) throws CacheUnavailable {
        Link current = link;
        if (current == null) {
            reconnect();
            throw new CacheUnavailable("not connected yet", null);
        }
        synchronized (this) {
            if (openUntil > System.currentTimeMillis()) throw new CacheUnavailable("circuit open", null);
        }
        try {
            T result = op.apply(current.commands());
            synchronized (this) {
                failures = 0;
            }
            return result;
        } catch (RuntimeException e) {
            stats.error();
            synchronized (this) {
                if (++failures == FAILURES || failures > FAILURES && openUntil <= System.currentTimeMillis()) stats.openedCircuit();
                if (failures >= FAILURES) openUntil = System.currentTimeMillis() + OPEN_MILLIS;
            }
            throw new CacheUnavailable("redis failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Whether a connection is up and the breaker currently lets calls through. */
    public synchronized boolean available() { return link != null && openUntil <= System.currentTimeMillis(); }

    @Override
    public void close() {
        Link current;
        synchronized (this) {
            closed = true;
            current = link;
            link = null;
        }
        if (current != null) closeQuietly(current.connection());
        closeQuietly(client);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing: nothing to do about it
        }
    }
}
