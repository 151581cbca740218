package dev.dbtool.core.parser;

enum TokenKind {
    IDENT, STRING, NUMBER, LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, COLON, EQUALS, QUESTION,
    AT, ATAT, DOT, COMMENT, NEWLINE, EOF,
    /** A character that starts no token; the lexer reports it. */
    UNKNOWN
}
