package dev.dbtool.core.ast;

import dev.dbtool.core.source.Span;
import java.util.List;

/** A top-level item of a file: a block or a comment line. {@code blankBefore}: a blank line preceded it. */
public sealed interface Top {
    Span span();

    boolean blankBefore();

    record Block(BlockKind kind, Identifier name, List<Member> members, boolean blankBefore, Span span) implements Top {
        public String nameText() { return name.name(); }
    }

    /** A comment line between blocks ({@code //}, {@code ///} or a block comment). */
    record Comment(String text, boolean blankBefore, Span span) implements Top {
        public boolean isDoc() { return text.startsWith("///"); }

        public boolean isBlock() { return text.startsWith("/*"); }
    }
}
