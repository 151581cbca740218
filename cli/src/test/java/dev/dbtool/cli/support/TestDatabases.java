package dev.dbtool.cli.support;

import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.database.CatalogDump;
import dev.dbtool.database.embedded.EmbeddedServer;
import dev.dbtool.generators.sql.PostgresDdl;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per test JVM, one fresh database per test. The server is the embedded one, or the one
 * {@code DBTOOL_TEST_DATABASE_URL} points at (a JDBC URL of a database whose user may create databases).
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedServer embedded;
    private static String adminUrl;

    private TestDatabases() {}

    private static synchronized String adminUrl() {
        if (adminUrl != null) return adminUrl;
        String external = System.getenv("DBTOOL_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
        } else {
            embedded = EmbeddedServer.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            adminUrl = embedded.jdbcUrl("postgres");
        }
        return adminUrl;
    }

    /** The catalog of a database, as {@link CatalogDump} prints it. */
    public static List<String> dump(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return CatalogDump.of(c);
        }
    }

    /** The first column of the first row of a query, or null. */
    public static String query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Builds {@code state} into an empty database with dbtool's DDL (no Liquibase), the reference for comparisons. */
    public static void build(String url, DbSchema state) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String sql : PostgresDdl.createAll(state)) st.execute(sql);
        }
    }

    /** A new, empty database; returns its JDBC URL. */
    public static String create(String hint) {
        String admin = adminUrl();
        String name = ("t" + COUNTER.incrementAndGet() + "_" + hint.replaceAll("[^a-zA-Z0-9]", "_")).toLowerCase();
        name = name.length() > 60 ? name.substring(0, 60) : name;
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            st.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return admin.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }
}
