package dev.dbtool.runtime;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the cache layer; {@link CacheMetrics} publishes them through Micrometer. */
public final class CacheStats {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder stalePrevented = new LongAdder();
    private final LongAdder circuitOpened = new LongAdder();

    void hit(long n) { hits.add(n); }

    void miss(long n) { misses.add(n); }

    void load() { loads.increment(); }

    void error() { errors.increment(); }

    void invalidation() { invalidations.increment(); }

    void refresh() { refreshes.increment(); }

    void preventedStale() { stalePrevented.increment(); }

    void openedCircuit() { circuitOpened.increment(); }

    public long hits() { return hits.sum(); }

    public long misses() { return misses.sum(); }

    /** Database loads made on behalf of the cache (single flight makes these fewer than misses under contention). */
    public long loads() { return loads.sum(); }

    /** Redis errors and timeouts; each one was answered from the database. */
    public long errors() { return errors.sum(); }

    public long invalidations() { return invalidations.sum(); }

    public long refreshes() { return refreshes.sum(); }

    /** Reads answered from the database because an invalidation of this process had not reached Redis yet. */
    public long stalePrevented() { return stalePrevented.sum(); }

    /** Times the circuit breaker opened (Redis left alone for a while after failures in a row). */
    public long circuitOpened() { return circuitOpened.sum(); }

    public Map<String, Long> snapshot() {
        return Map.of("hits", hits(), "misses", misses(), "loads", loads(), "errors", errors(), "invalidations", invalidations(), "refreshes", refreshes(),
                "stalePrevented", stalePrevented(), "circuitOpened", circuitOpened());
    }
}
