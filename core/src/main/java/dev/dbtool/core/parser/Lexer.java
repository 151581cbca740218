package dev.dbtool.core.parser;

import dev.dbtool.core.diagnostics.Diagnostics;
import dev.dbtool.core.source.SourceFile;
import dev.dbtool.core.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits schema text into tokens. Newlines are tokens because the DSL is line-oriented (a field ends at the end
 * of its line). Comments are tokens so the formatter can keep them. Never throws: bad characters become
 * {@link TokenKind#UNKNOWN} tokens with a diagnostic, an unterminated string ends at the end of its line.
 */
final class Lexer {
    private final SourceFile file;
    private final String s;
    private final Diagnostics diagnostics;
    private int pos;
    private final java.util.Set<Integer> errorLines = new java.util.HashSet<>();

    Lexer(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.s = file.text();
        this.diagnostics = diagnostics;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>(s.length() / 4 + 16);
        while (true) {
            Token t = next();
            out.add(t);
            if (t.is(TokenKind.EOF)) return out;
        }
    }

    private Token next() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\ufeff') pos++;
            else break;
        }
        if (pos >= s.length()) return new Token(TokenKind.EOF, "", pos, pos);
        int start = pos;
        char c = s.charAt(pos);
        switch (c) {
            case '\n': pos++; return tok(TokenKind.NEWLINE, start);
            case '{': pos++; return tok(TokenKind.LBRACE, start);
            case '}': pos++; return tok(TokenKind.RBRACE, start);
            case '(': pos++; return tok(TokenKind.LPAREN, start);
            case ')': pos++; return tok(TokenKind.RPAREN, start);
            case '[': pos++; return tok(TokenKind.LBRACKET, start);
            case ']': pos++; return tok(TokenKind.RBRACKET, start);
            case ',': pos++; return tok(TokenKind.COMMA, start);
            case ':': pos++; return tok(TokenKind.COLON, start);
            case '=': pos++; return tok(TokenKind.EQUALS, start);
            case '?': pos++; return tok(TokenKind.QUESTION, start);
            case '.': pos++; return tok(TokenKind.DOT, start);
            case '@':
                pos++;
                if (pos < s.length() && s.charAt(pos) == '@') { pos++; return tok(TokenKind.ATAT, start); }
                return tok(TokenKind.AT, start);
            case '"': return string(start);
            case '/':
                if (pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                    while (pos < s.length() && s.charAt(pos) != '\n') pos++;
                    // Trailing spaces inside a comment are kept, as prisma format keeps them; only a CR goes.
                    int end = pos;
                    while (end > start && s.charAt(end - 1) == '\r') end--;
                    return new Token(TokenKind.COMMENT, s.substring(start, end), start, end);
                }
                if (pos + 1 < s.length() && s.charAt(pos + 1) == '*') return blockComment(start);
                break;
            default:
                break;
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
            pos++;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == 'e'
                    || s.charAt(pos) == 'E')) pos++;
            return tok(TokenKind.NUMBER, start);
        }
        if (isIdentStart(c)) {
            pos++;
            while (pos < s.length() && isIdentPart(s.charAt(pos))) pos++;
            return tok(TokenKind.IDENT, start);
        }
        pos += Character.charCount(s.codePointAt(pos));
        report(Span.of(file, start, pos), "Unexpected character `" + s.substring(start, pos) + "`.");
        return tok(TokenKind.UNKNOWN, start);
    }

    private Token string(int start) {
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) != '\n') { pos += 2; continue; }
            if (c == '"') { pos++; return tok(TokenKind.STRING, start); }
            if (c == '\n') break;
            pos++;
        }
        report(Span.of(file, start, pos), "This string is not terminated: add the closing `\"` on the same line.");
        return new Token(TokenKind.STRING, s.substring(start, pos) + "\"", start, pos);
    }

    /** A block comment, possibly over several lines: one token, so the parser places it where a line comment may stand. */
    private Token blockComment(int start) {
        int close = s.indexOf("*/", start + 2);
        if (close < 0) {
            pos = s.length();
            report(Span.of(file, start, start + 2), "This block comment is not closed: add `*/` where it ends.");
            return new Token(TokenKind.COMMENT, s.substring(start) + "*/", start, pos);
        }
        pos = close + 2;
        return tok(TokenKind.COMMENT, start);
    }

    private void report(Span span, String message) {
        if (errorLines.add(span.line())) diagnostics.error(span, message);
    }

    java.util.Set<Integer> errorLines() { return errorLines; }

    private Token tok(TokenKind kind, int start) { return new Token(kind, s.substring(start, pos), start, pos); }

    static boolean isIdentStart(char c) { return Character.isLetter(c) || c == '_'; }

    static boolean isIdentPart(char c) { return Character.isLetterOrDigit(c) || c == '_' || c == '-'; }
}
