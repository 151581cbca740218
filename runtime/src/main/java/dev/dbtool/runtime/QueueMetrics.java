package dev.dbtool.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * A queue's numbers as Micrometer meters, tagged {@code queue=<name>}: {@code new QueueMetrics(queue, worker)
 * .bindTo(registry)} (the worker may be null on a producer-only process). The queue's state is read from Redis at
 * most once a second, however many meters a scrape reads; a Redis that does not answer leaves the last values.
 */
public final class QueueMetrics implements MeterBinder {
    private static final long FRESH_MILLIS = 1000;
    private final JobQueue queue;
    private final Worker<?> worker;
    private QueueStats last;
    private long readAt;

    public QueueMetrics(JobQueue queue, Worker<?> worker) {
        this.queue = queue;
        this.worker = worker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Tags tags = Tags.of("queue", queue.name());
        gauge(registry, tags, "dbtool.queue.waiting", "Jobs in the queue's streams, not yet delivered", QueueStats::waiting);
        gauge(registry, tags, "dbtool.queue.active", "Jobs delivered and not yet acknowledged", QueueStats::active);
        gauge(registry, tags, "dbtool.queue.delayed", "Delayed jobs and retries waiting for their backoff", QueueStats::delayed);
        gauge(registry, tags, "dbtool.queue.dead", "Dead-lettered jobs retained", QueueStats::dead);
        gauge(registry, tags, "dbtool.queue.oldest.waiting", "Age of the oldest job not yet delivered (ms)", QueueStats::oldestWaitingMs);
        counter(registry, tags, "dbtool.queue.completed", "Jobs completed since the queue was created", QueueStats::completed);
        counter(registry, tags, "dbtool.queue.failed", "Failed attempts since the queue was created (each retry counts)", QueueStats::failed);
        counter(registry, tags, "dbtool.queue.added", "Jobs added since the queue was created", QueueStats::added);
        if (worker != null) {
            Gauge.builder("dbtool.queue.worker.running", worker, Worker::active).tags(tags).description("Jobs running in this worker").register(registry);
            Gauge.builder("dbtool.queue.worker.abandoned", worker, Worker::abandoned).tags(tags)
                    .description("Handlers still running past their timeout (their jobs were already retried)").register(registry);
            FunctionCounter.builder("dbtool.queue.worker.settle.retries", worker, Worker::settleRetries).tags(tags)
                    .description("Acknowledgements and failures retried because Redis did not take them").register(registry);
        }
    }

    private void gauge(MeterRegistry registry, Tags tags, String name, String description, ToDoubleFunction<QueueStats> value) {
        Gauge.builder(name, this, m -> m.read(value)).tags(tags).description(description).register(registry);
    }

    private void counter(MeterRegistry registry, Tags tags, String name, String description, ToDoubleFunction<QueueStats> value) {
        FunctionCounter.builder(name, this, m -> m.read(value)).tags(tags).description(description).register(registry);
    }

    private synchronized double read(ToDoubleFunction<QueueStats> value) {
        long now = System.currentTimeMillis();
        if (last == null || now - readAt >= FRESH_MILLIS) {
            try {
                last = queue.stats();
                readAt = now;
            } catch (RuntimeException e) {
                // Redis is away: the last values stand (NaN before the first read)
                if (last == null) return Double.NaN;
            }
        }
        return value.applyAsDouble(last);
    }
}
