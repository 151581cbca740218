package dev.dbtool.runtime;

/**
 * A queue's state: waiting (in the streams, not delivered), active (delivered, not acknowledged), delayed (including
 * retries waiting for their backoff), completed and dead-lettered (retained), failed attempts so far, completions in
 * the last minute, the age of the oldest waiting job (ms; 0 when none waits), jobs added so far, and flow parents
 * waiting for their children.
 */
public record QueueStats(String queue, long waiting, long active, long delayed, long completed, long failed, long dead, long lastMinute,
                         long oldestWaitingMs, long added, long waitingChildren) {}
