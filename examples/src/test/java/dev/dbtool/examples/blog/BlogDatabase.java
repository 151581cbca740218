package dev.dbtool.examples.blog;

import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.model.Schema;
import dev.dbtool.database.embedded.EmbeddedServer;
import dev.dbtool.database.migrate.Migrator;
import dev.dbtool.database.seed.CopyLoader;
import dev.dbtool.examples.Paths;
import dev.dbtool.generators.seed.SeedOptions;
import dev.dbtool.generators.seed.SeedPlan;
import dev.dbtool.generators.seed.SeedPlanner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per test JVM (embedded, or {@code DBTOOL_TEST_DATABASE_URL}); each call of {@link #create}
 * makes a fresh database, applies the blog's committed changelog with Liquibase and loads the seed data.
 */
public final class BlogDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedServer embedded;
    private static String adminUrl;

    /** A migrated, seeded database and the development key its {@code @encrypted} values were written with. */
    public record Seeded(String jdbcUrl, SeedPlan plan) {}

    private BlogDatabase() {}

    public static Schema schema() throws java.io.IOException { return SchemaLoader.load(Paths.BLOG.resolve("schema.prisma")).schema(); }

    private static synchronized String adminUrl() {
        if (adminUrl != null) return adminUrl;
        String external = System.getenv("DBTOOL_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) adminUrl = external;
        else {
            embedded = EmbeddedServer.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            adminUrl = embedded.jdbcUrl("postgres");
        }
        return adminUrl;
    }

    /** A fresh, empty database on the shared server. */
    public static String empty(String prefix) throws SQLException {
        String admin = adminUrl();
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    public static Seeded create(String prefix, long seed) throws Exception {
        String url = empty(prefix);
        new Migrator(url, Paths.BLOG.resolve("migrations/changelog.yaml")).update("!seed");
        SeedPlan plan = SeedPlanner.plan(schema(), new SeedOptions(seed, null));
        try (Connection c = DriverManager.getConnection(url)) {
            CopyLoader.load(c, List.of(), plan, n -> { });
        } catch (Exception e) {
            throw new SQLException("seeding the blog failed: " + e.getMessage(), e);
        }
        return new Seeded(url, plan);
    }
}
