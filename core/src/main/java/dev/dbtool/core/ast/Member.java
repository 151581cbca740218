package dev.dbtool.core.ast;

import dev.dbtool.core.source.Span;
import java.util.List;

/** One line inside a block. Comments and blank lines are members too, so the formatter keeps them. */
public sealed interface Member {
    Span span();

    /** A field of a model, view, composite type or job. {@code type} is null when it is missing. */
    record Field(Identifier name, FieldType type, List<Attribute> attributes, String trailingComment, Span span)
            implements Member {}

    record EnumValue(Identifier name, List<Attribute> attributes, String trailingComment, Span span) implements Member {}

    /** {@code key = value} in a datasource or generator. */
    record KeyValue(Identifier key, Expression value, String trailingComment, Span span) implements Member {}

    record BlockAttribute(Attribute attribute, String trailingComment, Span span) implements Member {}

    /** A whole-line {@code //} or {@code ///} comment; {@code text} includes the slashes. */
    record Comment(String text, Span span) implements Member {
        public boolean isDoc() { return text.startsWith("///"); }

        /** A block comment: the formatter rewrites it one line per text line, starred, as prisma format does. */
        public boolean isBlock() { return text.startsWith("/*"); }
    }

    record BlankLine(Span span) implements Member {}
}
