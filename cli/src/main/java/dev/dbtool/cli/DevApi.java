package dev.dbtool.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * One build of the generated API running inside {@code dbtool dev}: its classes in their own class loader (a reload
 * drops the loader), its own connection pool, and the generated HTTP server on a loopback port that dbtool's page and
 * proxy forward to. The generated classes are reached by name: they are the project's, not dbtool's. Development
 * settings: introspection on, the generator block's limits, no cache layer.
 */
final class DevApi implements AutoCloseable {
    private final URLClassLoader loader;
    private final HikariDataSource dataSource;
    private final Object api;
    private final Object server;
    private final int port;

    private DevApi(URLClassLoader loader, HikariDataSource dataSource, Object api, Object server, int port) {
        this.loader = loader;
        this.dataSource = dataSource;
        this.api = api;
        this.server = server;
        this.port = port;
    }

    /** Starts the API compiled into {@code classes}; throws with a message fit for the page when it cannot. */
    static DevApi start(Path classes, String generatedPackage, String jdbcUrl) throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, DevApi.class.getClassLoader());
        HikariDataSource ds = null;
        Object api = null;
        try {
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(jdbcUrl);
            hc.setMaximumPoolSize(5);
            hc.setPoolName("dbtool-dev");
            ds = new HikariDataSource(hc);
            Class<?> apiClass = loader.loadClass(generatedPackage + ".Api");
            Class<?> configClass = loader.loadClass(generatedPackage + ".ApiConfig");
            Object config = apiClass.getMethod("defaultConfig").invoke(null);
            api = apiClass.getMethod("create", DataSource.class, configClass).invoke(null, ds, config);
            Class<?> engine = loader.loadClass(generatedPackage + ".ApiEngine");
            Class<?> auth = loader.loadClass(generatedPackage + ".JwtAuthenticator");
            Class<?> sessions = loader.loadClass(generatedPackage + ".SessionLookup");
            Class<?> http = loader.loadClass(generatedPackage + ".HttpSettings");
            Class<?> serverClass = loader.loadClass(generatedPackage + ".GraphQLHttpServer");
            Object server = serverClass.getMethod("start", engine, auth, sessions, String.class, int.class, http).invoke(null, api,
                    auth.getMethod("fromEnvironment").invoke(null), engine.getMethod("sessionLookup").invoke(api), "127.0.0.1", 0,
                    http.getMethod("fromEnvironment").invoke(null));
            int port = (int) serverClass.getMethod("port").invoke(server);
            return new DevApi(loader, ds, api, server, port);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            closeQuietly(api, "close");
            if (ds != null) ds.close();
            loader.close();
            throw new IOException(cause instanceof ClassNotFoundException || cause instanceof NoSuchMethodException
                    ? "the generated API is incomplete (" + cause.getMessage() + "); run `dbtool gql-type`" : String.valueOf(cause.getMessage()), cause);
        }
    }

    int port() { return port; }

    @Override
    public void close() {
        closeQuietly(server, "close");
        closeQuietly(api, "close");
        dataSource.close();
        try {
            loader.close();
        } catch (IOException e) {
            // the classes folder is replaced by the next build anyway
        }
    }

    private static void closeQuietly(Object target, String method) {
        if (target == null) return;
        try {
            target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // closing a build that is being replaced: nothing to tell the user
        }
    }
}
