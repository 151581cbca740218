package dev.dbtool.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/** One load per key at a time in this process: concurrent misses of the same key wait for the first one's result. */
final class SingleFlight {
    /** A load that may fail with a database error. */
    @FunctionalInterface
    interface Load<V> {
        V run() throws Exception;
    }

    private final ConcurrentHashMap<String, CompletableFuture<Object>> flights = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <V> V run(String key, Load<V> load) throws Exception {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = flights.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return (V) running.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
            }
        }
        try {
            V value = load.run();
            mine.complete(value);
            return value;
        } catch (Exception | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }
}
