package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetchingEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dataloader.DataLoader;

/**
 * {@code postEvents(where, events)}: a subscription to committed writes of one type, from any API instance (through
 * {@link EventHub}). Each event is checked against the subscriber's filter and row rule as it stands after the write —
 * a created or updated row is read again as the subscriber may see it; a deleted row's last version is matched in SQL
 * ({@code jsonb_populate_recordset}) — so a subscription never shows a row its caller could not read. Events reach one
 * subscriber in commit order; a subscriber that falls {@link #BUFFER} events behind is ended with SUBSCRIBER_TOO_SLOW.
 */
public final class Subscriptions {
    /** Events a subscriber may have waiting before it is ended. */
    static final int BUFFER = 256;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dbtool-subscription");
        t.setDaemon(true);
        return t;
    });

    /** Reads the rows {@code filter} selects (the type's repository), at most {@code limit}. */
    @FunctionalInterface
    public interface Reader { List<?> read(Connection c, Filter filter, int limit) throws SQLException; }

    private Subscriptions() {}

    /**
     * The event stream of one subscription field: maps with {@code event}, the key fields and {@code node} (null for a
     * deleted row). {@code ops}: the events asked for (null: all).
     */
    public static Flow.Publisher<Map<String, Object>> subscribe(DataFetchingEnvironment env, ApiEngine api, FilterModel model, Filter where, Filter rule,
            List<String> keyFields, Set<String> ops, Reader reader, NestedWrites.Accessor value) {
        EventHub hub = api.eventHub();
        if (hub == null) throw new IllegalStateException("this API has no event hub");
        Feed feed = new Feed(env, api, model, where.andAlso(rule), keyFields, ops == null ? null : Set.copyOf(ops), reader, value);
        feed.handle = hub.listen(model.type(), feed);
        try {
            // a subscriber that is told it is subscribed sees every write committed after that
            if (!hub.awaitListening(5_000)) throw new ApiException("UNAVAILABLE", "Subscriptions cannot listen to the database right now.", List.of(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("UNAVAILABLE", "Interrupted.", List.of(), Map.of());
        }
        return feed;
    }

    private static final class Feed implements Flow.Publisher<Map<String, Object>>, EventHub.Listener {
        private final DataFetchingEnvironment env;
        private final ApiEngine api;
        private final FilterModel model;
        private final Filter filter;
        private final List<String> keyFields;
        private final Set<String> ops;
        private final Reader reader;
        private final NestedWrites.Accessor value;
        private final SubmissionPublisher<Map<String, Object>> out = new SubmissionPublisher<>(READERS, BUFFER);
        private final Executor serial = new Serial();
        private final AtomicBoolean ended = new AtomicBoolean();
        volatile AutoCloseable handle;

        Feed(DataFetchingEnvironment env, ApiEngine api, FilterModel model, Filter filter, List<String> keyFields, Set<String> ops, Reader reader,
                NestedWrites.Accessor value) {
            this.env = env;
            this.api = api;
            this.model = model;
            this.filter = filter;
            this.keyFields = keyFields;
            this.ops = ops;
            this.reader = reader;
            this.value = value;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Map<String, Object>> subscriber) {
            out.subscribe(new Flow.Subscriber<Map<String, Object>>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscriber.onSubscribe(new Flow.Subscription() {
                        @Override
                        public void request(long n) { s.request(n); }

                        @Override
                        public void cancel() {
                            s.cancel();
                            end(null);
                        }
                    });
                }

                @Override
                public void onNext(Map<String, Object> item) { subscriber.onNext(item); }

                @Override
                public void onError(Throwable t) { subscriber.onError(t); }

                @Override
                public void onComplete() { subscriber.onComplete(); }
            });
        }

        @Override
        public void event(EventHub.Event event) {
            if (ended.get() || (ops != null && !ops.contains(event.op().name()))) return;
            serial.execute(() -> {
                try {
                    List<Map<String, Object>> items = event.op() == Events.Op.DELETED ? deleted(event) : changed(event);
                    // nested fields of `node` load through this subscription's DataLoaders: nothing cached from an earlier event may answer
                    for (DataLoader<?, ?> l : env.getDataLoaderRegistry().getDataLoaders()) l.clearAll();
                    for (Map<String, Object> item : items) {
                        if (ended.get()) return;
                        out.offer(item, (s, dropped) -> {
                            end(new ApiException("SUBSCRIBER_TOO_SLOW", "This subscriber fell " + BUFFER + " events behind; read again and subscribe anew.",
                                    List.of(), Map.of()));
                            return false;
                        });
                    }
                } catch (SQLException | RuntimeException e) {
                    end(new ApiException("UNAVAILABLE", "An event could not be read; read again and subscribe anew.", List.of(), Map.of()));
                }
            });
        }

        @Override
        public void interrupted() {
            end(new ApiException("EVENTS_INTERRUPTED", "The server lost its database listener; events may have been missed: read again and subscribe anew.",
                    List.of(), Map.of()));
        }

        private void end(Throwable error) {
            if (!ended.compareAndSet(false, true)) return;
            try {
                if (handle != null) handle.close();
            } catch (Exception ignored) {
                // removing a listener cannot fail
            }
            if (error == null) out.close();
            else out.closeExceptionally(error);
        }

        /** Created or updated rows, read again as the subscriber may see them now. */
        private List<Map<String, Object>> changed(EventHub.Event event) throws SQLException {
            Filter keys;
            if (keyFields.size() == 1) {
                List<Object> values = new ArrayList<>();
                for (List<Object> k : event.keys()) values.add(k.get(0));
                keys = Filter.where(keyFields.get(0), Filter.Op.IN, values);
            } else {
                List<Filter> any = new ArrayList<>();
                for (List<Object> k : event.keys()) {
                    List<Filter> all = new ArrayList<>();
                    for (int i = 0; i < keyFields.size(); i++) all.add(Filter.eq(keyFields.get(i), k.get(i)));
                    any.add(Filter.and(all));
                }
                keys = Filter.or(any);
            }
            List<?> rows = api.database().read(c -> reader.read(c, keys.andAlso(filter), event.keys().size()));
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object row : rows) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("event", event.op().name());
                for (String k : keyFields) item.put(k, value.value(row, k));
                item.put("node", row);
                out.add(item);
            }
            return out;
        }

        /** Deleted rows whose last version the subscriber's filter and rule let through: their keys, no node. */
        private List<Map<String, Object>> deleted(EventHub.Event event) throws SQLException {
            if (event.deletedRows().isEmpty()) return List.of();
            String d = "\"d\"";
            SqlFilter.Compiled f = SqlFilter.compile(filter, SqlFilter.qualified(model.allColumns(), d), d);
            String sql = "SELECT \"o\".\"ordinality\" FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS \"o\"(\"value\", \"ordinality\") "
                    + "CROSS JOIN LATERAL jsonb_populate_record(NULL::" + model.table() + ", \"o\".\"value\") AS " + d + " WHERE " + f.sql();
            Set<Integer> visible = new HashSet<>();
            api.database().read(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, "[" + String.join(",", event.deletedRows()) + "]");
                    int i = 2;
                    for (Object[] p : f.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) visible.add(rs.getInt(1));
                    }
                }
                return null;
            });
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < event.deletedRows().size(); i++) {
                if (!visible.contains(i + 1)) continue;
                JsonNode row;
                try {
                    row = JSON.readTree(event.deletedRows().get(i));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("event", Events.Op.DELETED.name());
                for (String k : keyFields) {
                    JsonNode v = row.path(unquoted(model.allColumns().get(k).sql()));
                    item.put(k, v.isIntegralNumber() ? v.numberValue() : v.isNull() ? null : v.asText());
                }
                item.put("node", null);
                out.add(item);
            }
            return out;
        }

        private static String unquoted(String sql) {
            return sql.startsWith("\"") && sql.endsWith("\"") ? sql.substring(1, sql.length() - 1).replace("\"\"", "\"") : sql;
        }
    }

    /** Runs tasks one after another, in submission order, on the shared readers. */
    private static final class Serial implements Executor {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
            if (!running) {
                running = true;
                READERS.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                next.run();
            }
        }
    }
}
