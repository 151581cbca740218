package dev.dbtool.runtime;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A queue's job events, as any process sees them: every transition the queue's scripts make is appended to the
 * stream {@code …:events} in the same script (so an event is never lost from, nor ahead of, the state it reports), and
 * a listener here reads the stream from the moment it starts. Events: {@code added}, {@code completed},
 * {@code retrying} (with the attempt, error and delay), {@code dead} (attempt, error), {@code rejected} (the reason),
 * {@code stalled} (its worker died or hung), {@code progress}. The stream keeps about the last 10,000 events: a
 * listener that falls further behind misses the oldest ones.
 */
public final class QueueEvents implements AutoCloseable {
    /** One event: its type, the job, the event's other fields, and its stream id (time-ordered). */
    public record Event(String type, String jobId, Map<String, String> fields, String id) {}

    private static final System.Logger LOG = System.getLogger(QueueEvents.class.getName());
    private final Thread reader;
    private volatile boolean closed;

    private QueueEvents(QueueClient client, String key, Consumer<Event> listener) {
        this.reader = new Thread(() -> read(client, key, listener), "queue-events");
        reader.setDaemon(true);
    }

    /** Calls {@code listener} (on a thread of its own, in order) for every event of {@code queue} from now on. */
    public static QueueEvents listen(QueueClient client, String prefix, String queue, Consumer<Event> listener) {
        QueueEvents events = new QueueEvents(client, new JobQueue(client, prefix, queue).events(), listener);
        events.reader.start();
        return events;
    }

    @SuppressWarnings("unchecked") // one stream offset through Lettuce's varargs
    private void read(QueueClient client, String key, Consumer<Event> listener) {
        try (QueueClient.Connection conn = client.blocking()) {
            List<StreamMessage<String, String>> newest = conn.sync().xrevrange(key, Range.create("-", "+"), Limit.from(1));
            String last = newest.isEmpty() ? "0-0" : newest.get(0).getId();
            while (!closed) {
                try {
                    List<StreamMessage<String, String>> got = conn.sync().xread(XReadArgs.Builder.block(500).count(500), XReadArgs.StreamOffset.from(key, last));
                    for (StreamMessage<String, String> m : got) {
                        last = m.getId();
                        Map<String, String> body = m.getBody();
                        try {
                            listener.accept(new Event(body.get("event"), body.get("job"), body, m.getId()));
                        } catch (RuntimeException e) {
                            LOG.log(System.Logger.Level.WARNING, "a queue event listener failed on " + body, e);
                        }
                    }
                } catch (RuntimeException e) {
                    if (closed) return;
                    LOG.log(System.Logger.Level.WARNING, "reading queue events failed, retrying", e);
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) LOG.log(System.Logger.Level.WARNING, "queue events stopped", e);
        }
    }

    /** Stops listening (within half a second). */
    @Override
    public void close() {
        closed = true;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
