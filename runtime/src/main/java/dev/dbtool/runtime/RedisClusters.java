package dev.dbtool.runtime;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the cache and the queues share about a Redis Cluster URL ({@code redis-cluster://h1:6379,h2:6379}). */
final class RedisClusters {
    static final String SCHEME = "redis-cluster://";

    private RedisClusters() {}

    static boolean isCluster(String url) { return url.startsWith(SCHEME); }

    /** The seed nodes of the URL, each with {@code password} when given. */
    static List<RedisURI> seeds(String url, String password) {
        List<RedisURI> seeds = new ArrayList<>();
        for (String hostPort : url.substring(SCHEME.length()).split(",")) {
            RedisURI uri = RedisURI.create("redis://" + hostPort);
            if (password != null) uri.setAuthentication(password.toCharArray());
            seeds.add(uri);
        }
        return seeds;
    }

    /** Slots move (resharding, failover): follow MOVED/ASK and refresh the topology when they say so, and every 30 s. */
    @SuppressWarnings("deprecation") // Lettuce 7 marks the adaptive refresh triggers deprecated but has no replacement yet
    static ClusterTopologyRefreshOptions topologyRefresh() {
        return ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers().enablePeriodicRefresh(Duration.ofSeconds(30)).build();
    }
}
