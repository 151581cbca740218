package dev.dbtool.core.diagnostics;

import dev.dbtool.core.source.Span;

/** One finding about a schema, anchored at a span. */
public record Diagnostic(Severity severity, String message, Span span) {

    public static Diagnostic error(Span span, String message) { return new Diagnostic(Severity.ERROR, message, span); }

    public static Diagnostic warning(Span span, String message) { return new Diagnostic(Severity.WARNING, message, span); }

    public boolean isError() { return severity == Severity.ERROR; }

    /** The one-line form {@code file:line:col: error: message}. */
    public String headline() {
        return span.path() + ":" + span.line() + ":" + span.column() + ": " + severity.label() + ": " + message;
    }
}
