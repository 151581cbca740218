package dev.dbtool.core.validate;

import dev.dbtool.core.ast.FieldType;
import dev.dbtool.core.source.Span;

/** The span of just a type's name (without {@code ?} or {@code []}), for carets under the name. */
final class TypeNameSpan {
    private TypeNameSpan() {}

    static Span of(FieldType t) {
        Span s = t.span();
        return new Span(s.file(), s.start(), s.start() + t.name().length(), s.line(), s.column());
    }
}
