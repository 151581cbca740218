package dev.dbtool.runtime;

/** A job type's settings from its DSL block: {@code @@retry(attempts, backoff, delay)}, {@code @@concurrency}, {@code @@timeout}. */
public record JobDefaults(int attempts, String backoff, long backoffDelayMs, int concurrency, long timeoutMs) {}
