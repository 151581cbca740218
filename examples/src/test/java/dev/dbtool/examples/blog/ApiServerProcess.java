package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated {@code ApiServer} in a JVM of its own, configured only by the environment as in production: the given
 * {@code DATABASE_URL}, the test JWT secret and the seed's encryption key, Redis pointed at a closed port.
 */
final class ApiServerProcess implements AutoCloseable {
    private final Process process;
    final int port;

    private ApiServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ApiServerProcess start(String databaseUrl, BlogDatabase.Seeded db) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "com.example.blog.generated.ApiServer");
        pb.environment().put("DATABASE_URL", databaseUrl);
        pb.environment().put("PORT", "0");
        pb.environment().put("HOST", "127.0.0.1");
        pb.environment().put("JWT_SECRET", Tokens.SECRET);
        pb.environment().put("ENCRYPTION_KEYS", "dev:" + db.plan().secrets().keyBase64());
        // Redis is down: the server starts anyway and serves every request from PostgreSQL
        pb.environment().put("REDIS_URL", "redis://127.0.0.1:" + TestRedis.freePort());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        // the first line announces the address; the reader stays open with the process (closing it would close its output)
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher m = Pattern.compile("http://localhost:(\\d+)/graphql").matcher(line == null ? "" : line);
        boolean announced = m.find();
        if (!announced) p.destroyForcibly();
        assertTrue(announced, "the server announces its address: " + line);
        return new ApiServerProcess(p, Integer.parseInt(m.group(1)));
    }

    /** SIGTERM; whether the server stopped within 10 s. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            if (stop()) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
