package dev.dbtool.examples.blog;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer (Debian's package) in transaction pooling in front of a test database's server. {@link #missing()}
 * says why it cannot run here; tests skip with that reason. As root it runs as the {@code postgres} user.
 */
final class PgBouncer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/pgbouncer");
    private final Process process;
    final int port;

    private PgBouncer(Process process, Path dir, int port) {
        this.process = process;
        this.port = port;
    }

    static String missing() {
        if (!Files.isExecutable(BINARY)) return "PgBouncer is not installed (apt-get install pgbouncer)";
        if (root() && !Files.exists(Path.of("/usr/sbin/runuser"))) return "running as root without runuser";
        return null;
    }

    /** Pools connections to the server of {@code jdbcUrl} (any database on it), at most {@code poolSize} server connections each. */
    static PgBouncer start(String jdbcUrl, int poolSize) throws IOException, InterruptedException { return start(jdbcUrl, poolSize, null); }

    /**
     * The same, and with {@code tls} (a folder holding server.crt and server.key) clients must connect over TLS: a
     * TLS-only server as the API sees it.
     */
    static PgBouncer start(String jdbcUrl, int poolSize, Path tls) throws IOException, InterruptedException {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        Path dir = Files.createTempDirectory("dbtool-pgbouncer-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("userlist.txt"), "\"postgres\" \"\"\n");
        if (tls != null) {
            // beside the config, in the folder the server user owns (a test's temporary folder may be closed to it)
            Files.copy(tls.resolve("server.crt"), dir.resolve("server.crt"));
            Files.copy(tls.resolve("server.key"), dir.resolve("server.key"));
        }
        Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n", "[databases]", "* = host=127.0.0.1 port=" + server.getPort(), "[pgbouncer]",
                "listen_addr = 127.0.0.1", "listen_port = " + port, "unix_socket_dir =", "auth_type = trust", "auth_file = " + dir.resolve("userlist.txt"),
                "pool_mode = transaction", "ignore_startup_parameters = extra_float_digits", "default_pool_size = " + poolSize, "max_client_conn = 200",
                tls == null ? "" : "client_tls_sslmode = require\nclient_tls_cert_file = " + dir.resolve("server.crt") + "\nclient_tls_key_file = " + dir.resolve("server.key"),
                ""));
        List<String> command = new ArrayList<>();
        if (root()) {
            new ProcessBuilder("chown", "-R", "postgres", dir.toString()).start().waitFor();
            command.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(BINARY.toString(), dir.resolve("pgbouncer.ini").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                new Socket("127.0.0.1", port).close();
                return new PgBouncer(p, dir, port);
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("pgbouncer did not start: " + Files.readString(dir.resolve("log")));
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean root() { return "root".equals(System.getProperty("user.name")); }
}
