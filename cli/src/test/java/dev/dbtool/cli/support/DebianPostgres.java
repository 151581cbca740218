package dev.dbtool.cli.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's packages (postgresql-15 with postgresql-15-hypopg), for the tests that
 * need an extension the embedded binaries lack. {@link #missing()} says why it cannot run here (tests skip with it).
 * initdb refuses to run as root, so as root the cluster runs as the {@code postgres} user the package created.
 */
public final class DebianPostgres implements AutoCloseable {
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    public static final Path HYPOPG = Path.of("/usr/share/postgresql/15/extension/hypopg.control");
    private final Path data;
    private final int port;

    private DebianPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Null when the cluster can start; otherwise the reason it cannot. */
    public static String missing() {
        String server = missingServer();
        if (server != null) return server;
        if (!Files.exists(HYPOPG)) return "HypoPG for PostgreSQL 15 is not installed (apt-get install postgresql-15-hypopg)";
        return null;
    }

    /** Like {@link #missing()}, for tests that need the server but not HypoPG. */
    public static String missingServer() {
        if (!Files.isExecutable(BIN.resolve("initdb"))) return "PostgreSQL 15 from Debian is not installed (apt-get install postgresql-15)";
        if (root() && !Files.exists(Path.of("/usr/sbin/runuser"))) return "running as root without runuser";
        return null;
    }

    public static DebianPostgres start() throws IOException, InterruptedException {
        return start(List.of(), null);
    }

    /**
     * A cluster whose server also gets {@code settings} ({@code name=value}) and, when {@code hba} is not null, that
     * pg_hba.conf. {@link #directory()} is where certificates and the like go before the server starts: call
     * {@link #prepare()} first for that.
     */
    public static DebianPostgres start(List<String> settings, String hba) throws IOException, InterruptedException {
        DebianPostgres pg = prepare();
        return pg.launch(settings, hba);
    }

    /** An initialised cluster, not started yet. */
    public static DebianPostgres prepare() throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("dbtool-pg15-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        if (root()) run(List.of("chown", "-R", "postgres:postgres", data.toString()));
        run(asPostgres(BIN.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-A", "trust", "-U", "postgres", "--no-sync"));
        return new DebianPostgres(data, port);
    }

    public DebianPostgres launch(List<String> settings, String hba) throws IOException, InterruptedException {
        if (hba != null) Files.writeString(data.resolve("db/pg_hba.conf"), hba);
        StringBuilder options = new StringBuilder("-p " + port + " -k " + data + " -c listen_addresses=localhost -c shared_preload_libraries=pg_stat_statements -c fsync=off");
        for (String s : settings) options.append(" -c ").append(s);
        run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-l", data.resolve("log").toString(), "-o", options.toString(), "start"));
        return this;
    }

    /** The cluster's own folder (owned by the server's user), for files the server reads. */
    public Path directory() { return data; }

    public int port() { return port; }

    /** Hands files written into {@link #directory()} to the server's user (as root). */
    public void own(Path path) throws IOException, InterruptedException {
        if (root()) run(List.of("chown", "-R", "postgres:postgres", path.toString()));
    }

    /** Runs a command as the server's user (root drops to it). */
    public static List<String> asServerUser(String... command) { return asPostgres(command); }

    public String jdbcUrl(String database) { return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres"; }

    @Override
    public void close() {
        try {
            run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m", "immediate", "stop"));
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(data)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans it eventually
        }
    }

    private static boolean root() { return "root".equals(System.getProperty("user.name")); }

    private static List<String> asPostgres(String... command) {
        List<String> out = new ArrayList<>();
        if (root()) out.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        out.addAll(List.of(command));
        return out;
    }

    /** Runs a command to its end; fails with its output. */
    public static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed: " + output);
    }
}
