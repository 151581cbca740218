package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The read side of subscriptions, one per API instance: a thread holding one connection that {@code LISTEN}s on
 * {@link Events#CHANNEL} and hands each committed write's event to the subscribers of its type. It starts with the
 * first subscriber. When the connection is lost, events committed meanwhile cannot be replayed (NOTIFY is not stored):
 * every subscriber is told ({@link Listener#interrupted}) so its client can read again and subscribe anew; the hub then
 * reconnects. Deleted rows' snapshots older than {@link #KEEP_DELETED_MINUTES} are removed as it goes.
 */
public final class EventHub implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventHub.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int KEEP_DELETED_MINUTES = 10;
    /** The listening connection's {@code application_name}. */
    public static final String APPLICATION_NAME = "dbtool-events";

    /** One committed write: keys of created/updated rows, or the last versions ({@code to_jsonb}) of deleted ones. */
    public record Event(String type, Events.Op op, List<List<Object>> keys, List<String> deletedRows) {}

    public interface Listener {
        void event(Event event);

        /** The hub lost its connection: events may have been missed. */
        void interrupted();
    }

    private final DataSource dataSource;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread thread;
    private volatile Connection connection;

    public EventHub(DataSource dataSource) { this.dataSource = dataSource; }

    /** Adds a listener for events of {@code type}; the returned handle removes it. */
    public synchronized AutoCloseable listen(String type, Listener listener) {
        if (closed) throw new IllegalStateException("the event hub is closed");
        listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(listener);
        if (thread == null) {
            thread = new Thread(this::run, "dbtool-events");
            thread.setDaemon(true);
            thread.start();
        }
        return () -> listeners.getOrDefault(type, List.of()).remove(listener);
    }

    /** Blocks until the hub listens (a subscriber registered before a write then sees it); false after {@code timeoutMillis}. */
    public boolean awaitListening(long timeoutMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (connection == null && System.currentTimeMillis() < until) Thread.sleep(10);
        return connection != null;
    }

    private void run() {
        long backoff = 100;
        while (!closed) {
            boolean listened = false;
            Connection c = null;
            try {
                c = dataSource.getConnection();
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    // named, so operators can tell it apart in pg_stat_activity
                    st.execute("SET application_name = '" + APPLICATION_NAME + "'");
                    st.execute("LISTEN " + Events.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                connection = c;
                listened = true;
                backoff = 100;
                long nextCleanup = 0;
                while (!closed) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null) for (PGNotification n : notes) dispatch(c, n.getParameter());
                    if (System.currentTimeMillis() >= nextCleanup) {
                        cleanup(c);
                        nextCleanup = System.currentTimeMillis() + 60_000;
                    }
                }
                // back to the pool as it came
                try (Statement st = c.createStatement()) {
                    st.execute("UNLISTEN *");
                    st.execute("RESET application_name");
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                LOG.log(System.Logger.Level.WARNING, "subscription events: the listening connection failed (" + e.getMessage() + "); "
                        + (listened ? "subscribers are told, " : "") + "reconnecting");
                discard(c);
            } finally {
                connection = null;
                close(c);
            }
            // only a connection that listened can have missed events; subscribers who came meanwhile wait for the next one
            if (listened && !closed) for (List<Listener> ls : listeners.values()) for (Listener l : ls) l.interrupted();
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, 5_000);
        }
    }

    /**
     * A broken connection must not go back to the pool as if it were fine: a statement through the pool's own wrapper
     * fails too, which is how a pool (HikariCP) learns to evict it (the failure above came through the driver directly).
     */
    private static void discard(Connection c) {
        if (c == null) return;
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        } catch (SQLException expected) {
            // the pool has seen it fail
        }
    }

    private static void close(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }

    private void dispatch(Connection c, String payload) throws SQLException {
        Event event;
        try {
            JsonNode n = JSON.readTree(payload);
            String type = n.path("type").asText();
            Events.Op op = Events.Op.valueOf(n.path("op").asText());
            if (listeners.getOrDefault(type, List.of()).isEmpty()) return;
            if (op == Events.Op.DELETED) {
                event = new Event(type, op, List.of(), deleted(c, n.path("batch").asText()));
            } else {
                List<List<Object>> keys = new ArrayList<>();
                for (JsonNode k : n.path("keys")) {
                    List<Object> key = new ArrayList<>();
                    for (JsonNode v : k) key.add(v.isIntegralNumber() ? (Object) v.numberValue() : v.isNumber() ? v.decimalValue() : v.asText());
                    keys.add(key);
                }
                event = new Event(type, op, keys, List.of());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "subscription events: ignored a notification that is not dbtool's: " + payload);
            return;
        }
        for (Listener l : listeners.getOrDefault(event.type(), List.of())) {
            try {
                l.event(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "subscription events: a subscriber failed: " + e);
            }
        }
    }

    private static List<String> deleted(Connection c, String batch) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"row\"::text FROM \"dbtool_events\" WHERE \"batch\" = ?::uuid ORDER BY \"id\"")) {
            ps.setString(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void cleanup(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM \"dbtool_events\" WHERE \"at\" < now() - interval '" + KEEP_DELETED_MINUTES + " minutes'");
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
