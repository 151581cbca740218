package dev.dbtool.database.seed;

/** A seed load that failed and was rolled back; the message names the table and, from PostgreSQL, the row. */
public final class SeedLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public SeedLoadException(String message, Throwable cause) { super(message, cause); }
}
