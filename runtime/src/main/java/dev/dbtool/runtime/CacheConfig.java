package dev.dbtool.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the Redis cache layer. {@code REDIS_URL}: {@code redis://host:6379/0}, {@code rediss://…} (TLS),
 * {@code redis-sentinel://host:26379/0#mymaster}, or {@code redis-cluster://host1:6379,host2:6379} for Redis Cluster;
 * {@code REDIS_PASSWORD} when the URL has none; {@code CACHE_FORMAT=json|cbor}.
 *
 * @param prefix         the start of every key, so several applications can share a Redis
 * @param commandTimeout how long a cache command may take before the request goes to the database instead
 * @param ttlOverrides   model → TTL, replacing {@code @@cache(ttl:)} (tests, operations)
 * @param binary         CBOR instead of JSON values (smaller, faster to parse)
 */
public record CacheConfig(String redisUrl, String password, String prefix, Duration commandTimeout, Map<String, Duration> ttlOverrides, boolean binary) {
    public static CacheConfig fromEnvironment(String prefix) {
        String url = System.getenv().getOrDefault("REDIS_URL", "redis://localhost:6379");
        return new CacheConfig(url, System.getenv("REDIS_PASSWORD"), prefix, Duration.ofMillis(250), Map.of(),
                "cbor".equalsIgnoreCase(System.getenv("CACHE_FORMAT")));
    }

    public CacheConfig withTtl(String model, Duration ttl) {
        Map<String, Duration> m = new java.util.HashMap<>(ttlOverrides);
        m.put(model, ttl);
        return new CacheConfig(redisUrl, password, prefix, commandTimeout, Map.copyOf(m), binary);
    }

    public CacheConfig withBinary(boolean cbor) { return new CacheConfig(redisUrl, password, prefix, commandTimeout, ttlOverrides, cbor); }

    public CacheConfig withCommandTimeout(Duration d) { return new CacheConfig(redisUrl, password, prefix, d, ttlOverrides, binary); }

    Duration ttl(String model, int seconds) { return ttlOverrides.getOrDefault(model, Duration.ofSeconds(seconds)); }
}
