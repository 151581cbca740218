package dev.dbtool.generators.api;

/** The schema or the selection asks for something the API generators cannot produce; the message says what and why. */
public final class ApiModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ApiModelException(String message) { super(message); }
}
