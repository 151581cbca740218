package dev.dbtool.core.model;

import dev.dbtool.core.source.Span;
import java.util.List;

/**
 * A {@code job} block (dbtool extension): a typed payload and its queue settings. {@code backoff} is
 * {@code exponential} or {@code fixed}; delays and timeouts are milliseconds.
 */
public record Job(String name, List<ScalarField> fields, String queue, int attempts, String backoff, long backoffDelayMs,
                  int concurrency, Long timeoutMs, String documentation, Span span) {}
