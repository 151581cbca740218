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

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A server this test controls (to stop it mid-test and start it again on the same port). */
    public record Own(RedisServer server, int port) {
        public static Own start(int port) throws IOException {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new Own(server, port);
        }

        public String url() { return "redis://127.0.0.1:" + port; }

        public void stop() {
            try {
                server.stop();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
