package dev.dbtool.examples.blog;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A redis-server process a test starts with its own configuration — a Cluster node, a replica, a Sentinel — and
 * controls (signals, kill -9). The binary is {@code DBTOOL_TEST_REDIS_SERVER} when set, else the Redis 6.2 that
 * com.github.codemonstur:embedded-redis ships, copied out of its jar once per JVM: no package needed.
 */
public final class RedisProcess implements AutoCloseable {
    private static Path binary;
    public final int port;
    final Path dir;
    private final Process process;

    private RedisProcess(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    static synchronized Path binary() throws IOException {
        if (binary != null) return binary;
        String own = System.getenv("DBTOOL_TEST_REDIS_SERVER");
        if (own != null && !own.isBlank()) return binary = Path.of(own);
        String arch = System.getProperty("os.arch");
        String name = arch.contains("aarch64") || arch.contains("arm64") ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        Path target = Files.createTempDirectory("dbtool-redis").resolve("redis-server");
        try (InputStream in = redis.embedded.RedisServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("embedded-redis has no " + name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!target.toFile().setExecutable(true)) throw new IOException("cannot make " + target + " executable");
        target.toFile().deleteOnExit();
        return binary = target;
    }

    /** A server on {@code port} with its files in {@code dir} and these configuration directives ("cluster-enabled yes", …). */
    public static RedisProcess start(int port, Path dir, String... config) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("redis.conf");
        List<String> lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "dir " + dir, "save \"\"", "appendonly no", "daemonize no"));
        lines.addAll(List.of(config));
        Files.write(conf, lines);
        return launch(port, dir, List.of(binary().toString(), conf.toString()));
    }

    /** Slot ranges of the masters of {@link #cluster}: three even shares of the 16,384 slots. */
    public static final int[][] SLOTS = {{0, 5460}, {5461, 10922}, {10923, 16383}};

    /** Which of {@link #cluster}'s masters holds {@code slot}. */
    public static int owner(int slot) {
        for (int i = 0; i < SLOTS.length; i++) if (slot >= SLOTS[i][0] && slot <= SLOTS[i][1]) return i;
        throw new IllegalArgumentException("slot " + slot);
    }

    /** A Redis Cluster of three masters (no replicas), formed and ready: slots assigned, nodes met, state ok. */
    public static List<RedisProcess> cluster(Path dir) throws IOException, InterruptedException {
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port;
                try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                nodes.add(start(port, dir.resolve("cluster-" + i), "cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 2000"));
            }
            for (int i = 0; i < 3; i++) {
                int[] slots = java.util.stream.IntStream.rangeClosed(SLOTS[i][0], SLOTS[i][1]).toArray();
                nodes.get(i).sync(c -> c.clusterAddSlots(slots));
            }
            for (int i = 1; i < 3; i++) {
                int port = nodes.get(i).port;
                nodes.get(0).sync(c -> c.clusterMeet("127.0.0.1", port));
            }
            long deadline = System.currentTimeMillis() + 20_000;
            while (!nodes.stream().allMatch(n -> n.sync(c -> c.clusterInfo()).contains("cluster_state:ok")
                    && n.sync(c -> c.clusterInfo()).contains("cluster_known_nodes:3"))) {
                if (System.currentTimeMillis() > deadline) throw new IOException("the cluster did not form: " + nodes.get(0).sync(c -> c.clusterInfo()));
                Thread.sleep(100);
            }
            return nodes;
        } catch (IOException | InterruptedException | RuntimeException e) {
            nodes.forEach(RedisProcess::close);
            throw e;
        }
    }

    /** The {@code redis-cluster://} URL of these nodes. */
    public static String clusterUrl(List<RedisProcess> nodes) {
        return "redis-cluster://" + String.join(",", nodes.stream().map(n -> "127.0.0.1:" + n.port).toList());
    }

    /** A Sentinel on {@code port} watching the master {@code name} at {@code masterPort} (quorum 1, down after 1 s). */
    static RedisProcess sentinel(int port, Path dir, String name, int masterPort) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("sentinel.conf");
        Files.write(conf, List.of("port " + port, "bind 127.0.0.1", "dir " + dir, "daemonize no",
                "sentinel monitor " + name + " 127.0.0.1 " + masterPort + " 1", "sentinel down-after-milliseconds " + name + " 1000",
                "sentinel failover-timeout " + name + " 4000", "sentinel parallel-syncs " + name + " 1"));
        return launch(port, dir, List.of(binary().toString(), conf.toString(), "--sentinel"));
    }

    private static RedisProcess launch(int port, Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        RedisProcess r = new RedisProcess(port, dir, p);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                r.sync(c -> c.ping());
                return r;
            } catch (RuntimeException e) {
                if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                    r.close();
                    throw new IOException("redis-server on " + port + " did not start: " + Files.readString(dir.resolve("redis.log")), e);
                }
                Thread.sleep(50);
            }
        }
    }

    public String url() { return "redis://127.0.0.1:" + port; }

    /** Runs commands over a fresh connection. */
    public <T> T sync(Function<RedisCommands<String, String>, T> op) {
        RedisClient client = RedisClient.create(url());
        try (var c = client.connect()) {
            return op.apply(c.sync());
        } finally {
            client.shutdown();
        }
    }

    /** Sends a signal (STOP, CONT) to the process. */
    public void signal(String name) throws IOException, InterruptedException {
        if (new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** kill -9: no shutdown save, connections cut. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        try {
            signal("CONT"); // a frozen server cannot stop
        } catch (IOException | InterruptedException | RuntimeException e) {
            // it is being killed anyway
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
