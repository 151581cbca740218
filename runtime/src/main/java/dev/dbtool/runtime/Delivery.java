package dev.dbtool.runtime;

import java.util.Map;

/**
 * One delivery of a job to a worker: the stream entry (what is acknowledged) and the job's hash. Two deliveries are
 * equal when they are of the same stream entry (comparing the job's fields would cost a map per lookup).
 */
public record Delivery(String stream, String entry, String jobId, Map<String, String> job) {
    public int attempt() { return Integer.parseInt(job.getOrDefault("attempts", "0")) + 1; }

    @Override
    public boolean equals(Object o) { return o instanceof Delivery d && entry.equals(d.entry) && stream.equals(d.stream); }

    @Override
    public int hashCode() { return entry.hashCode() * 31 + stream.hashCode(); }
}
