package dev.dbtool.runtime;

import java.time.Duration;

/**
 * Per-job choices: a job id (a second add with the same id is ignored while the job is retained: de-duplication), a
 * delay, a priority (above 0: ahead of normal jobs), and overrides of the job's retry settings.
 */
public record JobOptions(String jobId, Duration delay, int priority, Integer attempts, Duration backoffDelay) {
    public static final JobOptions NONE = new JobOptions(null, Duration.ZERO, 0, null, null);

    public static JobOptions id(String jobId) { return NONE.withId(jobId); }

    public JobOptions withId(String id) { return new JobOptions(id, delay, priority, attempts, backoffDelay); }

    public JobOptions withDelay(Duration d) { return new JobOptions(jobId, d, priority, attempts, backoffDelay); }

    public JobOptions withPriority(int p) { return new JobOptions(jobId, delay, p, attempts, backoffDelay); }

    public JobOptions withAttempts(int n) { return new JobOptions(jobId, delay, priority, n, backoffDelay); }

    public JobOptions withBackoffDelay(Duration d) { return new JobOptions(jobId, delay, priority, attempts, d); }
}
