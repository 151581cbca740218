package dev.dbtool.core.parser;

/** A token: kind, its text as written, and its offsets in the file. */
record Token(TokenKind kind, String text, int start, int end) {
    boolean is(TokenKind k) { return kind == k; }

    boolean isBlockComment() { return kind == TokenKind.COMMENT && text.startsWith("/*"); }
}
