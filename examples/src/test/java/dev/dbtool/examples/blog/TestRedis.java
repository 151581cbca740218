package dev.dbtool.examples.blog;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * Redis for the cache tests: one embedded server (Redis 6.2 from com.github.codemonstur:embedded-redis) per test JVM, or
 * {@code DBTOOL_TEST_REDIS_URL}; each test uses its own key prefix. Tests that stop Redis start a server of their own.
 */
public final class TestRedis {
    private static String url;

    private TestRedis() {}

    public static synchronized String url() throws IOException {
        if (url != null) return url;
        String external = System.getenv("DBTOOL_TEST_REDIS_URL");
        if (external != null && !external.isBlank()) return url = external;
        Own own = Own.start(freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(own::stop));
        return url = own.url();
    }

    /** Runs commands on the server at {@code url} over a fresh connection. */
    public static <T> T sync(String url, java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> op) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(url);
        try (var c = client.connect()) {
            return op.apply(c.sync());
        } finally {
            client.shutdown();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A server this test controls (to stop it mid-test and start it again on the same port). */
    public record Own(RedisServer server, int port, long pid) {
        public static Own start(int port) throws IOException {
            return start(port, "save \"\"", "appendonly no");
        }

        /** With these configuration lines (persistence: {@code dir …}, {@code appendonly yes}, …). */
        public static Own start(int port, String... settings) throws IOException {
            var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1");
            for (String s : settings) builder.setting(s);
            RedisServer server = builder.build();
            server.start();
            return new Own(server, port, new Own(server, port, 0).reportedPid());
        }

        public String url() { return "redis://127.0.0.1:" + port; }

        /** Runs commands on the server over a fresh connection. */
        public <T> T sync(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> op) {
            return TestRedis.sync(url(), op);
        }

        /** Deletes the keys matching {@code pattern} whose name passes {@code which}, as eviction would; returns how many. */
        public int evict(java.util.function.Predicate<String> which) {
            return sync(r -> {
                int n = 0;
                for (String key : r.keys("*")) if (which.test(key)) n += r.del(key).intValue();
                return n;
            });
        }

        /** The server's process id, as it reports it (asked once, at start: a frozen server answers nothing). */
        private long reportedPid() {
            String info = sync(r -> r.info("server"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("process_id:(\\d+)").matcher(info);
            if (!m.find()) throw new IllegalStateException("no process_id in INFO: " + info);
            return Long.parseLong(m.group(1));
        }

        /** Sends a signal (STOP, CONT, KILL) to the server process. */
        public void signal(String name) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
            if (p.waitFor() != 0) throw new IllegalStateException("kill -" + name + " failed");
        }

        /** Kills the server as a crash would: no shutdown save, no AOF rewrite. */
        public void crash() throws IOException, InterruptedException {
            long pid = pid();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(20);
            stop();
        }

        public void stop() {
            try {
                server.stop();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
