package dev.dbtool.cli;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.PendingMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads (and, for retry and purge, changes) the job queues in Redis with the key layout the generated queue engine
 * uses (docs/queues.md): {@code {prefix:q:name}:ready}, {@code …:delayed}, {@code …:dead}, {@code …:job:<id>}…
 * It mirrors the generated {@code JobQueue.stats()} on purpose: the engine exists only as generated source in the
 * user's project, so the CLI reads the same keys itself; the blog example's tests check both against one queue.
 */
final class QueueInspector implements AutoCloseable {
    /** One queue's numbers, as {@code queue-stats} prints them. */
    record Stats(String queue, long waiting, long active, long delayed, long completed, long failed, long dead, long lastMinute, long oldestWaitingMs,
                 boolean paused, long waitingForChildren) {}

    private final AutoCloseable client;
    private final AutoCloseable connection;
    private final RedisClusterCommands<String, String> r;
    private final String prefix;

    /** {@code url}: {@code redis://}, {@code rediss://}, {@code redis-sentinel://}, or {@code redis-cluster://h1:p1,h2:p2}. */
    QueueInspector(String url, String prefix) {
        io.lettuce.core.SocketOptions socket = io.lettuce.core.SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build();
        if (url.startsWith("redis-cluster://")) {
            List<RedisURI> seeds = new ArrayList<>();
            for (String hostPort : url.substring("redis-cluster://".length()).split(",")) {
                RedisURI seed = RedisURI.create("redis://" + hostPort);
                seed.setTimeout(Duration.ofSeconds(5));
                seeds.add(seed);
            }
            RedisClusterClient cluster = RedisClusterClient.create(seeds);
            // connections to the nodes open on first use: they must not count as "disconnected" and be refused
            cluster.setOptions(ClusterClientOptions.builder().socketOptions(socket)
                    .timeoutOptions(io.lettuce.core.TimeoutOptions.enabled(Duration.ofSeconds(5))).build());
            StatefulRedisClusterConnection<String, String> c = cluster.connect();
            this.client = cluster::shutdown;
            this.connection = c;
            this.r = c.sync();
        } else {
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(Duration.ofSeconds(5));
            RedisClient single = RedisClient.create(uri);
            single.setOptions(io.lettuce.core.ClientOptions.builder().autoReconnect(false).socketOptions(socket).build());
            StatefulRedisConnection<String, String> c = single.connect();
            this.client = single::shutdown;
            this.connection = c;
            this.r = c.sync();
        }
        this.prefix = prefix;
    }

    private String tag(String queue) { return "{" + prefix + ":q:" + queue + "}"; }

    List<String> queues() { return new ArrayList<>(new TreeSet<>(r.smembers("{" + prefix + ":queues}"))); }

    Stats stats(String queue) {
        String tag = tag(queue);
        long now = System.currentTimeMillis();
        long pending = 0;
        long waiting = 0;
        long oldest = 0;
        for (String stream : List.of(tag + ":ready:high", tag + ":ready")) {
            if (r.exists(stream) == 0) continue;
            PendingMessages p;
            try {
                p = r.xpending(stream, "workers");
            } catch (io.lettuce.core.RedisCommandExecutionException e) {
                // no consumer group yet (Redis lost it and no worker has run since): nothing pending, everything waits
                if (!String.valueOf(e.getMessage()).startsWith("NOGROUP")) throw e;
                p = null;
            }
            long streamPending = p == null ? 0 : p.getCount();
            pending += streamPending;
            waiting += Math.max(0, r.xlen(stream) - streamPending);
            String last = "0-0";
            for (Object g : r.xinfoGroups(stream)) {
                List<?> fields = (List<?>) g;
                for (int i = 0; i + 1 < fields.size(); i += 2) if ("last-delivered-id".equals(String.valueOf(fields.get(i)))) last = String.valueOf(fields.get(i + 1));
            }
            List<StreamMessage<String, String>> next = r.xrange(stream, Range.from(Range.Boundary.excluding(last), Range.Boundary.unbounded()), io.lettuce.core.Limit.from(1));
            if (!next.isEmpty()) oldest = Math.max(oldest, now - Long.parseLong(next.get(0).getId().split("-")[0]));
        }
        Map<String, String> s = r.hgetall(tag + ":stats");
        long minute = 0;
        for (int i = 0; i < 6; i++) {
            String v = r.get(tag + ":tp:" + (now / 10_000 - i));
            if (v != null) minute += Long.parseLong(v);
        }
        waiting += r.zcard(tag + ":prioritized");
        return new Stats(queue, waiting, pending, r.zcard(tag + ":delayed"), Long.parseLong(s.getOrDefault("completed", "0")), Long.parseLong(s.getOrDefault("failed", "0")),
                r.zcard(tag + ":dead"), minute, oldest, paused(queue), r.scard(tag + ":waiting-children"));
    }

    Map<String, String> job(String queue, String id) { return new LinkedHashMap<>(r.hgetall(tag(queue) + ":job:" + id)); }

    List<String> dead(String queue) { return r.zrange(tag(queue) + ":dead", 0, -1); }

    /** A dead job back to the ready stream with its attempts reset; false when it is not dead. */
    boolean retry(String queue, String id) {
        String tag = tag(queue);
        if (r.zrem(tag + ":dead", id) == 0) return false;
        long priority = Long.parseLong(java.util.Objects.requireNonNullElse(r.hget(tag + ":job:" + id, "priority"), "0"));
        if (priority > 0) {
            // back among the prioritized jobs, behind those of its priority already waiting (as the engine does it)
            r.hset(tag + ":job:" + id, Map.of("attempts", "0", "stalls", "0", "state", "prioritized"));
            r.zadd(tag + ":prioritized", priority * 4294967296.0 + r.incr(tag + ":pseq") % 4294967296L, id);
            return true;
        }
        r.hset(tag + ":job:" + id, Map.of("attempts", "0", "stalls", "0", "state", "waiting"));
        String payload = r.hget(tag + ":job:" + id, "payload");
        String type = r.hget(tag + ":job:" + id, "type");
        // stream entries carry the payload, attempts and job type, as the queue engine writes them
        String parent = r.hget(tag + ":job:" + id, "parent");
        Map<String, String> entry = new LinkedHashMap<>(Map.of("job", id, "payload", payload == null ? "" : payload, "attempts", "0", "type", type == null ? "" : type));
        if (parent != null && !parent.isEmpty()) entry.put("flow", "1"); // a flow child still reports to its parent
        r.xadd(tag + ":ready", entry);
        return true;
    }

    /** Workers stop taking new jobs of the queue (running ones finish); false when it was paused already. */
    boolean pause(String queue) { return "OK".equals(r.set(tag(queue) + ":paused", Long.toString(System.currentTimeMillis()), io.lettuce.core.SetArgs.Builder.nx())); }

    /** Workers take jobs again; false when it was not paused. */
    boolean resume(String queue) { return r.del(tag(queue) + ":paused") == 1; }

    boolean paused(String queue) { return r.exists(tag(queue) + ":paused") == 1; }

    long purge(String queue) {
        String tag = tag(queue);
        List<String> ids = r.zrange(tag + ":dead", 0, -1);
        for (String id : ids) {
            r.del(tag + ":job:" + id);
            r.zrem(tag + ":dead", id);
        }
        return ids.size();
    }

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
