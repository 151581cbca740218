package dev.dbtool.core.ast;

import dev.dbtool.core.source.Span;
import java.util.List;

/** An attribute argument or configuration value. */
public sealed interface Expression {
    Span span();

    /** A string literal; {@code value} is unescaped, {@code raw} is the text as written (with quotes). */
    record StringLit(String value, String raw, Span span) implements Expression {}

    record NumberLit(String text, Span span) implements Expression {}

    /** A bare (possibly dotted) name: {@code Cascade}, {@code true}, {@code fieldName}. */
    record Constant(String name, Span span) implements Expression {}

    record FunctionCall(String name, List<Argument> arguments, Span span) implements Expression {}

    record ArrayLit(List<Expression> elements, Span span) implements Expression {}

    /** What the parser puts where an expression could not be read; the error is already reported. */
    record Missing(Span span) implements Expression {}
}
