package dev.dbtool.runtime;

import java.time.Duration;

/**
 * Per-job choices: a job id (a second add with the same id is ignored while the job is retained: de-duplication), a
 * delay, a priority, and overrides of the job's retry settings. A priority from 1 to {@value #LOWEST_PRIORITY} puts the
 * job ahead of jobs without one; among prioritized jobs a lower number goes first, and equal ones in arrival order.
 */
public record JobOptions(String jobId, Duration delay, int priority, Integer attempts, Duration backoffDelay) {
    public static final JobOptions NONE = new JobOptions(null, Duration.ZERO, 0, null, null);
    /** The largest priority number (the least urgent), as in BullMQ: 2²¹. */
    public static final int LOWEST_PRIORITY = 2_097_152;

    public JobOptions {
        if (priority < 0 || priority > LOWEST_PRIORITY) throw new IllegalArgumentException("a priority is 0 (none) or 1 to " + LOWEST_PRIORITY + ", not " + priority);
    }

    public static JobOptions id(String jobId) { return NONE.withId(jobId); }

    public JobOptions withId(String id) { return new JobOptions(id, delay, priority, attempts, backoffDelay); }

    public JobOptions withDelay(Duration d) { return new JobOptions(jobId, d, priority, attempts, backoffDelay); }

    /** 1 is the most urgent; 0 takes the priority away. */
    public JobOptions withPriority(int p) { return new JobOptions(jobId, delay, p, attempts, backoffDelay); }

    public JobOptions withAttempts(int n) { return new JobOptions(jobId, delay, priority, n, backoffDelay); }

    public JobOptions withBackoffDelay(Duration d) { return new JobOptions(jobId, delay, priority, attempts, d); }
}
