package dev.dbtool.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Runs the generated API as it is: {@code DATABASE_URL} (required), {@code PORT} (4000), {@code HOST} (0.0.0.0),
 * {@code DB_POOL_SIZE} (10), the HTTP limits of {@link HttpSettings#fromEnvironment()}, the API's of
 * {@link ApiConfig#fromEnvironment}, {@code ENCRYPTION_KEYS} (when the schema has
 * {@code @encrypted} fields), {@code JWT_SECRET} / {@code JWT_PUBLIC_KEY} / {@code JWT_ISSUER} / {@code JWT_AUDIENCE},
 * {@code REDIS_URL} (the cache layer and sessions, when {@code dbtool cache-setup} generated them).
 */
public final class ApiServer {
    private ApiServer() {}

    public static void main(String[] args) throws Exception {
        DatabaseUrls.Jdbc db;
        try {
            db = DatabaseUrls.parse(System.getenv("DATABASE_URL"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(3);
            return;
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(db.url());
        if (db.user() != null) hc.setUsername(db.user());
        if (db.password() != null) hc.setPassword(db.password());
        hc.setMaximumPoolSize(intEnv("DB_POOL_SIZE", 10));
        HikariDataSource ds = new HikariDataSource(hc);
        ApiEngine api = generatedApi(ds);
        GraphQLHttpServer server = GraphQLHttpServer.start(api, JwtAuthenticator.fromEnvironment(), api.sessionLookup(),
                System.getenv().getOrDefault("HOST", "0.0.0.0"), intEnv("PORT", 4000), HttpSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            api.close();
            ds.close();
        }));
        System.out.println("GraphQL API on http://localhost:" + server.port() + "/graphql");
    }

    /**
     * {@code Api.fromEnvironment(ds)} of the generated {@code Api} beside this class: the runtime is copied into the
     * generated package, and looking the class up by name keeps this file free of any model.
     */
    static ApiEngine generatedApi(javax.sql.DataSource ds) throws ReflectiveOperationException {
        Class<?> api = Class.forName(ApiServer.class.getPackageName() + ".Api");
        try {
            return (ApiEngine) api.getMethod("fromEnvironment", javax.sql.DataSource.class).invoke(null, ds);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
