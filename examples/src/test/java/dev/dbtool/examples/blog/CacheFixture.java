package dev.dbtool.examples.blog;

import com.example.blog.generated.Api;
import com.example.blog.generated.GraphQLHttpServer;
import com.example.blog.generated.JwtAuthenticator;
import com.example.blog.generated.CacheConfig;
import com.example.blog.generated.KeyRing;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a cache test works with: a seeded blog database of its own, a pool that counts SQL statements, and the Api
 * instances it creates against Redis (each one as a process would be), closed together.
 */
final class CacheFixture implements AutoCloseable {
    final BlogDatabase.Seeded db;
    final CountingDataSource counting;
    private final HikariDataSource pool;
    private final KeyRing keys;
    private final List<Api> apis = new ArrayList<>();
    private final List<GraphQLHttpServer> servers = new ArrayList<>();

    private CacheFixture(BlogDatabase.Seeded db) {
        this.db = db;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(db.jdbcUrl());
        hc.setMaximumPoolSize(16);
        this.pool = new HikariDataSource(hc);
        this.counting = new CountingDataSource(pool);
        this.keys = KeyRing.parse("dev:" + db.plan().secrets().keyBase64());
    }

    static CacheFixture create(String name, long seed) throws Exception {
        return new CacheFixture(BlogDatabase.create(name, seed));
    }

    /** A key prefix no other test uses. */
    static String freshPrefix() { return "c" + UUID.randomUUID().toString().substring(0, 8); }

    /** An Api with the cache on {@code redisUrl} under {@code prefix} (250 ms command timeout). */
    Api api(String redisUrl, String prefix) {
        CacheConfig config = new CacheConfig(redisUrl, null, prefix, Duration.ofMillis(250), Map.of(), false);
        Api api = Api.create(counting.dataSource(), Api.defaultConfig().withKeyRing(keys), config);
        apis.add(api);
        return api;
    }

    /** The blog's API without the cache layer over HTTP on a free port, checking the tests' tokens; closed with the fixture. */
    GraphQLHttpServer serve() throws java.io.IOException {
        Api api = Api.create(counting.dataSource(), Api.defaultConfig().withKeyRing(keys));
        apis.add(api);
        GraphQLHttpServer server = GraphQLHttpServer.start(api, new JwtAuthenticator(Tokens.SECRET, Tokens.publicKeyPem(), Tokens.ISSUER, null), "127.0.0.1", 0, 8);
        servers.add(server);
        return server;
    }

    /** The first column of every row {@code query} returns. */
    List<String> rows(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }

    String sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() {
        servers.forEach(GraphQLHttpServer::close);
        apis.forEach(Api::close);
        pool.close();
    }
}
