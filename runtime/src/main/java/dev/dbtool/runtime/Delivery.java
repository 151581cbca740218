package dev.dbtool.runtime;

import java.util.Map;

/** One delivery of a job to a worker: the stream entry (what is acknowledged) and the job's hash. */
public record Delivery(String stream, String entry, String jobId, Map<String, String> job) {
    public int attempt() { return Integer.parseInt(job.getOrDefault("attempts", "0")) + 1; }
}
