package dev.dbtool.database.advisor;

/** The advisor cannot run against this database (missing extension, unreachable, refused); the message says what to do. */
public final class AdvisorException extends Exception {
    private static final long serialVersionUID = 1L;

    public AdvisorException(String message, Throwable cause) { super(message, cause); }
}
