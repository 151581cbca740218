package dev.dbtool.examples.blog;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Counts the SQL statements sent to the server through a data source: every execute* call on any statement; keeps the prepared SQL. */
public final class CountingDataSource {
    private final AtomicLong statements = new AtomicLong();
    private final java.util.List<String> prepared = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final DataSource proxy;

    public CountingDataSource(DataSource target) {
        this.proxy = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, args) -> {
            Object result = invoke(target, m, args);
            return result instanceof Connection c ? wrap(c, Connection.class) : result;
        });
    }

    public DataSource dataSource() { return proxy; }

    public long statements() { return statements.get(); }

    /** The SQL of every statement prepared so far. */
    public java.util.List<String> prepared() {
        synchronized (prepared) {
            return java.util.List.copyOf(prepared);
        }
    }

    private <T> T wrap(T target, Class<T> type) {
        InvocationHandler h = (p, m, args) -> {
            Object result = invoke(target, m, args);
            if (m.getName().startsWith("execute") && target instanceof Statement) statements.incrementAndGet();
            if (m.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) prepared.add(sql);
            if (result instanceof java.sql.PreparedStatement ps) return wrap(ps, java.sql.PreparedStatement.class);
            if (result instanceof Statement s && !(result instanceof java.sql.PreparedStatement)) return wrap(s, Statement.class);
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
