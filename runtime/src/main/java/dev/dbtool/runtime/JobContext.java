package dev.dbtool.runtime;

/** What a handler gets: the job's id (stable across retries and redeliveries), its payload, the attempt number, progress. */
public final class JobContext<T> {
    private final JobQueue queue;
    private final String id;
    private final T payload;
    private final int attempt;

    JobContext(JobQueue queue, String id, T payload, int attempt) {
        this.queue = queue;
        this.id = id;
        this.payload = payload;
        this.attempt = attempt;
    }

    public String id() { return id; }

    public T payload() { return payload; }

    /** 1 for the first try. */
    public int attempt() { return attempt; }

    public String queue() { return queue.name(); }

    /** Reports progress (0–100), visible in {@code dbtool queue inspect}. */
    public void progress(int percent) { queue.progress(id, percent); }
}
