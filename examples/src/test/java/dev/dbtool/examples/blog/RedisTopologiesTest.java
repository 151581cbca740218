package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.Api;
import io.lettuce.core.MigrateArgs;
import io.lettuce.core.cluster.SlotHash;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache layer on real Redis topologies, started by the test from a redis-server binary ({@link RedisProcess}):
 * a three-master Redis Cluster whose slot moves to another node while writers and readers race, and a Sentinel
 * failover to a replica that missed the last writes. Freshness is checked on every cached read path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisTopologiesTest {
    CacheFixture fx;
    Freshness check;
    @TempDir
    Path dir;

    @BeforeAll
    void start() throws Exception {
        fx = CacheFixture.create("blog_topologies", 23);
        check = new Freshness(fx);
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    /** Moves {@code slot} with its keys from {@code from} to {@code to}, as redis-cli --cluster reshard does. */
    static void migrate(int slot, RedisProcess from, RedisProcess to, List<RedisProcess> all) {
        String fromId = from.sync(c -> c.clusterMyId());
        String toId = to.sync(c -> c.clusterMyId());
        to.sync(c -> c.clusterSetSlotImporting(slot, fromId));
        from.sync(c -> c.clusterSetSlotMigrating(slot, toId));
        while (true) {
            List<String> keys = from.sync(c -> c.clusterGetKeysInSlot(slot, 200));
            if (keys.isEmpty()) break;
            from.sync(c -> c.migrate("127.0.0.1", to.port, 0, 5000, MigrateArgs.Builder.keys(keys)));
        }
        for (RedisProcess node : all) node.sync(c -> c.clusterSetSlotNode(slot, toId));
    }

    /**
     * The server's replication info, or "" when the probe's connection is cut: a sentinel promoting a replica kills its
     * normal clients (CLIENT KILL TYPE normal), and a probe caught in its handshake then fails to connect.
     */
    static String replication(RedisProcess server) {
        try {
            return server.sync(c -> c.info("replication"));
        } catch (io.lettuce.core.RedisException e) {
            return "";
        }
    }

    @Test
    void aThreeMasterClusterServesFreshValuesWhileASlotMoves() throws Exception {
        List<RedisProcess> nodes = RedisProcess.cluster(dir);
        try {
            // a prefix whose User and Post keys hash to different masters, so the test spans nodes every time
            String prefix = CacheFixture.freshPrefix();
            while (RedisProcess.owner(SlotHash.getSlot("{" + prefix + ":User}")) == RedisProcess.owner(SlotHash.getSlot("{" + prefix + ":Post}"))) prefix = CacheFixture.freshPrefix();
            String url = RedisProcess.clusterUrl(nodes);
            Api api = fx.api(url, prefix);
            String userTag = "{" + prefix + ":User}";
            List<Freshness.Target> targets = List.of(check.target(0), check.target(1));
            for (Freshness.Target t : targets) {
                check.write(api, t, 1000);
                // the first commands to a just-formed cluster may time out on a loaded machine (250 ms) and open the
                // circuit for a while: wait until the cache serves again, as after any outage
                check.untilCached(api, t, 1000);
                check.expect(api, t, 1000, "on the cluster");
            }
            long used = nodes.stream().filter(n -> n.sync(c -> c.dbsize()) > 0).count();
            assertTrue(used >= 2, "the models' keys live on different masters: " + used + ", " + api.cache().stats().snapshot());
            long hits = api.cache().stats().hits();
            assertTrue(hits > 0, "the cluster serves hits");

            int slot = SlotHash.getSlot(userTag);
            RedisProcess from = nodes.get(RedisProcess.owner(slot));
            RedisProcess to = nodes.get((RedisProcess.owner(slot) + 1) % 3);
            long stale = check.race(api, targets, false, () -> migrate(slot, from, to, nodes));
            assertEquals(0, stale, "stale reads while User's slot moved to another master");
            long left = from.sync(c -> c.clusterCountKeysInSlot(slot));
            assertEquals(0, left, "the slot's keys left the old master");
            for (Freshness.Target t : targets) {
                check.write(api, t, 2000);
                check.untilCached(api, t, 2000);
                check.expect(api, t, 2000, "after the slot moved");
            }
            assertTrue(to.sync(c -> c.clusterCountKeysInSlot(slot)) > 0, "User's entries are cached on the new master");
        } finally {
            nodes.forEach(RedisProcess::close);
        }
    }

    @Test
    void aSentinelFailoverToAReplicaThatMissedTheLastWritesServesNothingStale() throws Exception {
        RedisProcess master = RedisProcess.start(TestRedis.freePort(), dir.resolve("master"));
        RedisProcess replica = RedisProcess.start(TestRedis.freePort(), dir.resolve("replica"), "replicaof 127.0.0.1 " + master.port);
        RedisProcess sentinel = RedisProcess.sentinel(TestRedis.freePort(), dir.resolve("sentinel"), "blog", master.port);
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!sentinel.sync(c -> c.info("sentinel")).contains("slaves=1") || !replica.sync(c -> c.info("replication")).contains("master_link_status:up")) {
                assertTrue(System.currentTimeMillis() < deadline, "the sentinel sees the replica: " + sentinel.sync(c -> c.info("sentinel")));
                Thread.sleep(100);
            }
            Api api = fx.api("redis-sentinel://127.0.0.1:" + sentinel.port + "#blog", CacheFixture.freshPrefix());
            Freshness.Target t = check.target(2);
            check.write(api, t, 3111);
            check.expect(api, t, 3111, "through the sentinel's master");
            long deadlineSync = System.currentTimeMillis() + 5_000;
            while (!replica.sync(c -> c.keys("*")).stream().anyMatch(k -> k.contains(":id:" + t.userId() + ":v"))) {
                assertTrue(System.currentTimeMillis() < deadlineSync, "the replica received the cached row");
                Thread.sleep(50);
            }
            // the replica misses what follows: frozen, its link cut, the write made, the master killed before it resumes
            replica.signal("STOP");
            try {
                master.sync(c -> c.clientKill(io.lettuce.core.KillArgs.Builder.typeSlave()));
                check.write(api, t, 3222);
                check.expect(api, t, 3222, "on the master, after the write");
                master.crash();
            } finally {
                replica.signal("CONT");
            }
            long failoverDeadline = System.currentTimeMillis() + 30_000;
            while (!replication(replica).contains("role:master")) {
                assertTrue(System.currentTimeMillis() < failoverDeadline, "the sentinel promoted the replica: " + sentinel.log());
                assertEquals(3222, Freshness.Target.karma(Freshness.run(api, t.queries().get(1))), "during the failover");
                Thread.sleep(100);
            }
            // the danger is real: the new master holds the row as cached before the write, under the counters of then
            assertTrue(replica.sync(c -> c.keys("*")).stream().anyMatch(k -> k.contains(":id:" + t.userId() + ":v")), "the replica kept the old entry");
            check.untilCached(api, t, 3222);
            check.expect(api, t, 3222, "after the failover");
            check.write(api, t, 3333);
            check.expect(api, t, 3333, "writes after the failover");
        } finally {
            sentinel.close();
            replica.close();
            master.close();
        }
    }
}
