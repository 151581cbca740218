package dev.dbtool.database.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local development database used when no URL is given: an embedded PostgreSQL whose data lives in
 * {@code .dbtool/postgres} beside the schema, so it survives between runs. It runs only while a command does.
 */
public final class DevDatabase implements AutoCloseable {
    public static final String DATABASE = "dbtool_dev";
    private final EmbeddedServer server;

    private DevDatabase(EmbeddedServer server) { this.server = server; }

    public static DevDatabase start(Path projectDirectory) {
        EmbeddedServer server = EmbeddedServer.startPersistent(dataDirectory(projectDirectory));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres")); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) st.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("cannot prepare the development database: " + e.getMessage(), e);
        }
        return new DevDatabase(server);
    }

    public static Path dataDirectory(Path projectDirectory) { return projectDirectory.resolve(".dbtool").resolve("postgres"); }

    public String jdbcUrl() { return server.jdbcUrl(DATABASE); }

    @Override
    public void close() { server.close(); }
}
