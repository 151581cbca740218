package dev.dbtool.database.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL (binaries from Maven Central) started in-process: for tests, and for the local development
 * database the database commands use when no URL is given. {@code pg_stat_statements} is preloaded so the index
 * advisor works against it.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) { this.postgres = postgres; }

    /** A throwaway server in a temporary directory. */
    public static EmbeddedServer startTemporary() { return start(null); }

    /** A server whose data survives restarts in {@code dataDirectory} (created on first use). */
    public static EmbeddedServer startPersistent(Path dataDirectory) { return start(dataDirectory); }

    private static EmbeddedServer start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
                    .setServerConfig("full_page_writes", dataDirectory == null ? "off" : "on");
            if (dataDirectory != null) b.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            return new EmbeddedServer(b.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() { return postgres.getPort(); }

    /** JDBC URL of a database on this server (user {@code postgres}, no password). */
    public String jdbcUrl(String database) { return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres"; }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
