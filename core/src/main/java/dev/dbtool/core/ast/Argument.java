package dev.dbtool.core.ast;

import dev.dbtool.core.source.Span;

/** {@code name: value} or a positional {@code value} ({@code name} null). */
public record Argument(Identifier name, Expression value, Span span) {
    public boolean isNamed() { return name != null; }
}
