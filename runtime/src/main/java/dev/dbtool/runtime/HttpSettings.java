package dev.dbtool.runtime;

import java.time.Duration;

/**
 * The HTTP endpoint's limits. A client gets {@code headerTimeout} to send its first request's headers and
 * {@code bodyTimeout} to send a body; a connection idle for {@code idleTimeout} is closed (keep-alive in between). No
 * thread waits for a slow client: headers and bodies are read without blocking, so only {@code maxConnections} bounds
 * how many slow clients are held at once. {@code stopTimeout} is how long a stop waits for requests in flight.
 */
public record HttpSettings(int threads, int maxConnections, int maxBodyBytes, int maxHeaderBytes, Duration headerTimeout,
                           Duration bodyTimeout, Duration idleTimeout, Duration stopTimeout) {
    public HttpSettings {
        if (threads < 2) throw new IllegalArgumentException("the HTTP server needs at least 2 threads");
        if (maxConnections < 1 || maxBodyBytes < 1024 || maxHeaderBytes < 1024) throw new IllegalArgumentException("HTTP limits too small");
    }

    public static HttpSettings defaults() {
        return new HttpSettings(32, 10_000, 1 << 20, 8 << 10, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /**
     * {@code HTTP_THREADS} (32), {@code HTTP_MAX_CONNECTIONS} (10000), {@code HTTP_MAX_BODY_BYTES} (1 MiB),
     * {@code HTTP_HEADER_TIMEOUT_MS} (5000), {@code HTTP_BODY_TIMEOUT_MS} (10000), {@code HTTP_IDLE_TIMEOUT_MS} (30000),
     * {@code HTTP_STOP_TIMEOUT_MS} (10000).
     */
    public static HttpSettings fromEnvironment() {
        HttpSettings d = defaults();
        return new HttpSettings(intEnv("HTTP_THREADS", d.threads), intEnv("HTTP_MAX_CONNECTIONS", d.maxConnections),
                intEnv("HTTP_MAX_BODY_BYTES", d.maxBodyBytes), d.maxHeaderBytes, millis("HTTP_HEADER_TIMEOUT_MS", d.headerTimeout),
                millis("HTTP_BODY_TIMEOUT_MS", d.bodyTimeout), millis("HTTP_IDLE_TIMEOUT_MS", d.idleTimeout), millis("HTTP_STOP_TIMEOUT_MS", d.stopTimeout));
    }

    public HttpSettings withThreads(int n) {
        return new HttpSettings(n, maxConnections, maxBodyBytes, maxHeaderBytes, headerTimeout, bodyTimeout, idleTimeout, stopTimeout);
    }

    public HttpSettings withTimeouts(Duration header, Duration body, Duration idle) {
        return new HttpSettings(threads, maxConnections, maxBodyBytes, maxHeaderBytes, header, body, idle, stopTimeout);
    }

    private static Duration millis(String name, Duration fallback) {
        return Duration.ofMillis(intEnv(name, (int) fallback.toMillis()));
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, found `" + v + "`");
        }
    }
}
