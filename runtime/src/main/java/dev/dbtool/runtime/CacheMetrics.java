package dev.dbtool.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The cache layer's counters as Micrometer meters, so Prometheus, OpenTelemetry and every other Micrometer registry
 * get them with one call: {@code api.cache().metrics().bindTo(registry)}. Counters are read from {@link CacheStats}
 * when the registry publishes (no cost on the request path).
 */
public final class CacheMetrics implements MeterBinder {
    private final CacheStats stats;
    private final BooleanSupplier available;

    public CacheMetrics(CacheStats stats, BooleanSupplier available) {
        this.stats = stats;
        this.available = available;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "dbtool.cache.requests", "result", "hit", "Entries served from Redis", CacheStats::hits);
        counter(registry, "dbtool.cache.requests", "result", "miss", "Entries not found in Redis", CacheStats::misses);
        counter(registry, "dbtool.cache.loads", null, null, "Database loads made for the cache (fewer than misses under contention)", CacheStats::loads);
        counter(registry, "dbtool.cache.errors", null, null, "Redis errors and timeouts, each answered from the database", CacheStats::errors);
        counter(registry, "dbtool.cache.invalidations", null, null, "Invalidations delivered to Redis after committed writes", CacheStats::invalidations);
        counter(registry, "dbtool.cache.refreshes", null, null, "Hot entries reloaded before they expired", CacheStats::refreshes);
        counter(registry, "dbtool.cache.stale.prevented", null, null,
                "Reads sent to the database because an invalidation had not reached Redis yet", CacheStats::stalePrevented);
        counter(registry, "dbtool.cache.circuit.opened", null, null, "Times the circuit breaker stopped calling Redis", CacheStats::circuitOpened);
        Gauge.builder("dbtool.cache.available", available, a -> a.getAsBoolean() ? 1 : 0)
                .description("1 while Redis is connected and the circuit breaker lets calls through").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String tagKey, String tagValue, String description, ToDoubleFunction<CacheStats> value) {
        FunctionCounter.Builder<CacheStats> b = FunctionCounter.builder(name, stats, value).description(description);
        if (tagKey != null) b.tag(tagKey, tagValue);
        b.register(registry);
    }
}
