package dev.dbtool.runtime;

/** Redis failed, timed out, or the circuit breaker is open: the caller goes to the database. */
public final class CacheUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public CacheUnavailable(String message, Throwable cause) { super(message, cause, false, false); }
}
