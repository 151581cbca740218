package dev.dbtool.runtime;

/** Handles one job; throw to fail the attempt (it is retried with backoff, then dead-lettered). */
@FunctionalInterface
public interface JobHandler<T> {
    void handle(JobContext<T> job) throws Exception;
}
