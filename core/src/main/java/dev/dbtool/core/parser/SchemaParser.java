package dev.dbtool.core.parser;

import dev.dbtool.core.ast.Argument;
import dev.dbtool.core.ast.Attribute;
import dev.dbtool.core.ast.BlockKind;
import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.ast.FieldType;
import dev.dbtool.core.ast.Identifier;
import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.SchemaFile;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.diagnostics.Diagnostics;
import dev.dbtool.core.source.SourceFile;
import dev.dbtool.core.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recursive-descent parser from tokens to the syntax tree. It recovers at line granularity: a line it cannot
 * read is reported once and skipped, so one run reports every error in the file. It never throws.
 */
public final class SchemaParser {
    private final SourceFile file;
    private final Diagnostics diagnostics;
    private final List<Token> tokens;
    private int i;
    /** The previous consumed token ended a line (or nothing was consumed yet): a further newline is a blank line. */
    private boolean atLineStart = true;

    /** Lists and calls nest at most this deep: real schemas nest two or three levels; a deeper one is an attack or a slip. */
    static final int MAX_NESTING = 64;
    private int nesting;

    /**
     * Comments written after a block's closing brace, on its line: they become comment lines after the block (prisma
     * format puts them right under the brace, then moves them one blank line down on its next run; dbtool gives the
     * second form at once, so formatting stays idempotent).
     */
    private final List<Token> afterBlock = new ArrayList<>();

    /** Lines that already have a syntax error: one per line, so a slip does not cascade into noise. */
    private final java.util.Set<Integer> errorLines = new java.util.HashSet<>();

    private SchemaParser(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
        Lexer lexer = new Lexer(file, diagnostics);
        this.tokens = lexer.tokens();
        this.errorLines.addAll(lexer.errorLines());
    }

    private void error(Span span, String message) {
        if (errorLines.add(span.line())) diagnostics.error(span, message);
    }

    public static SchemaFile parse(SourceFile file, Diagnostics diagnostics) {
        return new SchemaParser(file, diagnostics).file();
    }

    private SchemaFile file() {
        List<Top> items = new ArrayList<>();
        boolean blank = false;
        while (!peek().is(TokenKind.EOF)) {
            Token t = peek();
            switch (t.kind()) {
                case NEWLINE -> {
                    if (atLineStart && !items.isEmpty()) blank = true;
                    advance();
                }
                case COMMENT -> {
                    // A block comment may be followed by more comments on its line; each becomes a line of its own.
                    while (peek().is(TokenKind.COMMENT)) {
                        Token c = advance();
                        items.add(new Top.Comment(c.text(), blank, span(c)));
                        blank = false;
                    }
                    endOfLine("a comment");
                }
                default -> {
                    Optional<BlockKind> kind = t.is(TokenKind.IDENT) ? BlockKind.fromKeyword(t.text()) : Optional.empty();
                    if (kind.isPresent() && peek(1).is(TokenKind.IDENT)) {
                        items.add(block(kind.get(), blank));
                        for (Token c : afterBlock) items.add(new Top.Comment(c.text(), false, span(c)));
                        afterBlock.clear();
                    } else {
                        invalidTopLevelLine(t);
                    }
                    blank = false;
                }
            }
        }
        return new SchemaFile(file, List.copyOf(items));
    }

    private void invalidTopLevelLine(Token t) {
        String message = "This line is invalid. It does not start with any known schema keyword "
                + "(model, view, enum, type, datasource, generator, job).";
        if (t.is(TokenKind.IDENT)) {
            String suggestion = Suggestions.closest(t.text(), List.of("model", "view", "enum", "type", "datasource", "generator", "job"));
            if (suggestion != null) message += " Did you mean `" + suggestion + "`?";
            else if (BlockKind.fromKeyword(t.text()).isPresent()) message = "The " + t.text() + " block is missing its name.";
        }
        error(lineSpan(t), message);
        boolean opensBlock = false;
        while (!peek().is(TokenKind.NEWLINE) && !peek().is(TokenKind.EOF)) opensBlock = advance().is(TokenKind.LBRACE);
        if (peek().is(TokenKind.NEWLINE)) advance();
        if (opensBlock) skipBlockBody();
    }

    /** After an unreadable block header: skip to the line that closes the block, so its body is not reported line by line. */
    private void skipBlockBody() {
        while (!peek().is(TokenKind.EOF)) {
            boolean closes = atLineStart && peek().is(TokenKind.RBRACE);
            if (startsAnotherBlock()) return;
            skipLine();
            if (closes) return;
        }
    }

    private Top.Block block(BlockKind kind, boolean blankBefore) {
        Token keyword = advance();
        Token nameTok = advance();
        Identifier name = new Identifier(nameTok.text(), span(nameTok));
        List<Member> members = new ArrayList<>();
        if (peek().is(TokenKind.LBRACE)) {
            advance();
            // A comment after `{` (prisma format drops it) is kept as the block's first line.
            while (peek().is(TokenKind.COMMENT)) members.add(new Member.Comment(peek().text(), span(advance())));
            if (!peek().is(TokenKind.NEWLINE) && !peek().is(TokenKind.EOF)) {
                error(lineSpan(peek()), "Nothing may follow `{` on its line: start the block's content on the next line.");
                skipLine();
            }
        } else {
            error(peek().is(TokenKind.NEWLINE) || peek().is(TokenKind.EOF) ? span(nameTok) : span(peek()),
                    "Expected `{` after " + kind.keyword() + " `" + nameTok.text() + "`.");
            skipLine();
        }
        int end = nameTok.end();
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.EOF)) {
                error(span(keyword).to(span(nameTok)),
                        "The " + kind.keyword() + " `" + nameTok.text() + "` is not closed: its `}` is missing.");
                break;
            }
            if (t.is(TokenKind.RBRACE)) {
                advance();
                end = t.end();
                while (peek().is(TokenKind.COMMENT)) afterBlock.add(advance());
                endOfLine("`}`");
                break;
            }
            if (startsAnotherBlock()) {
                error(span(keyword).to(span(nameTok)),
                        "The " + kind.keyword() + " `" + nameTok.text() + "` is not closed: its `}` is missing.");
                break;
            }
            member(kind, t, members);
        }
        return new Top.Block(kind, name, List.copyOf(members), blankBefore, Span.of(file, keyword.start(), end));
    }

    private boolean startsAnotherBlock() {
        return atLineStart && peek().is(TokenKind.IDENT) && BlockKind.fromKeyword(peek().text()).isPresent()
                && peek(1).is(TokenKind.IDENT) && peek(2).is(TokenKind.LBRACE);
    }

    /** Reads one line of a block body into {@code out} (a comment line may hold several block comments). */
    private void member(BlockKind kind, Token t, List<Member> out) {
        switch (t.kind()) {
            case NEWLINE -> {
                boolean blank = atLineStart;
                advance();
                if (blank) out.add(new Member.BlankLine(span(t)));
            }
            case COMMENT -> {
                while (peek().is(TokenKind.COMMENT)) {
                    Token c = advance();
                    out.add(new Member.Comment(c.text(), span(c)));
                }
                endOfLine("a comment");
            }
            case ATAT -> {
                Attribute a = attribute();
                String comment = trailingComment();
                endOfLine("the attribute");
                out.add(new Member.BlockAttribute(a, comment, a.span()));
            }
            case IDENT -> out.add(kind.hasFields() ? field() : kind == BlockKind.ENUM ? enumValue() : keyValue());
            default -> {
                String what = kind.isConfig() ? "a `key = value` setting"
                        : kind == BlockKind.ENUM ? "an enum value or block attribute" : "a field or block attribute";
                error(lineSpan(t), "This line is not " + what + ".");
                skipLine();
            }
        }
    }

    private Member field() {
        Token nameTok = advance();
        Identifier name = new Identifier(nameTok.text(), span(nameTok));
        FieldType type = null;
        if (peek().is(TokenKind.IDENT)) {
            type = fieldType();
        } else {
            error(span(nameTok), "This field declaration is invalid: field `" + nameTok.text() + "` has no type.");
        }
        List<Attribute> attributes = attributes();
        Span s = attributes.isEmpty() ? (type == null ? span(nameTok) : span(nameTok).to(type.span()))
                : span(nameTok).to(attributes.get(attributes.size() - 1).span());
        String comment = trailingComment();
        endOfLine("the field");
        return new Member.Field(name, type, attributes, comment, s);
    }

    private FieldType fieldType() {
        Token typeTok = advance();
        int end = typeTok.end();
        String unsupported = null;
        if (typeTok.text().equals("Unsupported") && peek().is(TokenKind.LPAREN)) {
            advance();
            if (peek().is(TokenKind.STRING)) unsupported = advance().text();
            else error(span(peek()), "`Unsupported` takes the database type as a string, as in `Unsupported(\"circle\")`.");
            if (peek().is(TokenKind.RPAREN)) end = advance().end();
            else error(span(peek()), "Expected `)` to close `Unsupported(`.");
        }
        boolean list = false;
        boolean optional = false;
        if (peek().is(TokenKind.LBRACKET) && peek(1).is(TokenKind.RBRACKET)) {
            advance();
            end = advance().end();
            list = true;
        }
        if (peek().is(TokenKind.QUESTION)) {
            end = advance().end();
            optional = true;
        }
        return new FieldType(typeTok.text(), optional, list, unsupported, Span.of(file, typeTok.start(), end));
    }

    private Member enumValue() {
        Token nameTok = advance();
        List<Attribute> attributes = attributes();
        Span s = attributes.isEmpty() ? span(nameTok) : span(nameTok).to(attributes.get(attributes.size() - 1).span());
        String comment = trailingComment();
        endOfLine("the enum value");
        return new Member.EnumValue(new Identifier(nameTok.text(), span(nameTok)), attributes, comment, s);
    }

    private Member keyValue() {
        Token keyTok = advance();
        Expression value;
        if (peek().is(TokenKind.EQUALS)) {
            advance();
            value = expression();
        } else {
            error(span(keyTok), "Expected `=` after `" + keyTok.text() + "`: settings are written `key = value`.");
            value = new Expression.Missing(span(keyTok));
            skipToEndOfLine();
        }
        String comment = trailingComment();
        endOfLine("the setting");
        return new Member.KeyValue(new Identifier(keyTok.text(), span(keyTok)), value, comment, span(keyTok).to(value.span()));
    }

    private List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>();
        while (peek().is(TokenKind.AT) || peek().is(TokenKind.ATAT)) {
            Token t = peek();
            if (t.is(TokenKind.ATAT)) {
                error(span(t), "Block attributes (`@@…`) go on a line of their own, not after a field.");
            }
            out.add(attribute());
        }
        return List.copyOf(out);
    }

    private Attribute attribute() {
        Token at = advance();
        boolean block = at.is(TokenKind.ATAT);
        if (!peek().is(TokenKind.IDENT)) {
            error(span(at), "Expected an attribute name after `" + at.text() + "`.");
            return new Attribute(block, "", span(at), List.of(), false, span(at));
        }
        Token first = advance();
        StringBuilder name = new StringBuilder(first.text());
        int nameEnd = first.end();
        while (peek().is(TokenKind.DOT) && peek(1).is(TokenKind.IDENT) && peek().start() == nameEnd) {
            advance();
            Token part = advance();
            name.append('.').append(part.text());
            nameEnd = part.end();
        }
        Span nameSpan = Span.of(file, at.start(), nameEnd);
        if (!peek().is(TokenKind.LPAREN)) {
            return new Attribute(block, name.toString(), nameSpan, List.of(), false, nameSpan);
        }
        advance();
        List<Argument> args = new ArrayList<>();
        int end = arguments(args, "attribute `" + at.text() + name + "`");
        return new Attribute(block, name.toString(), nameSpan, List.copyOf(args), true, Span.of(file, at.start(), end));
    }

    /** Reads arguments after `(` through `)`; returns the end offset. */
    private int arguments(List<Argument> out, String what) {
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.RPAREN)) return advance().end();
            if (t.isBlockComment()) {
                midLineComment(t);
                return t.start();
            }
            if (t.is(TokenKind.NEWLINE) || t.is(TokenKind.EOF) || t.is(TokenKind.COMMENT)) {
                error(span(t), "The arguments of " + what + " are not closed: `)` is missing "
                        + "(arguments must stay on one line).");
                return t.start();
            }
            Argument a = argument();
            out.add(a);
            if (peek().is(TokenKind.COMMA)) {
                advance();
            } else if (!peek().is(TokenKind.RPAREN)) {
                if (peek().is(TokenKind.NEWLINE) || peek().is(TokenKind.EOF) || peek().is(TokenKind.COMMENT)) continue;
                error(span(peek()), "Expected `,` or `)` in the arguments of " + what + ", found `" + peek().text() + "`.");
                skipToEndOfLine();
                return peek().start();
            }
        }
    }

    private Argument argument() {
        if (peek().is(TokenKind.IDENT) && peek(1).is(TokenKind.COLON)) {
            Token nameTok = advance();
            advance();
            Expression value = expression();
            return new Argument(new Identifier(nameTok.text(), span(nameTok)), value, span(nameTok).to(value.span()));
        }
        Expression value = expression();
        return new Argument(null, value, value.span());
    }

    private Expression expression() {
        Token t = peek();
        if (nesting >= MAX_NESTING) {
            error(span(t), "Lists and function calls are nested more than " + MAX_NESTING + " levels deep here.");
            skipToEndOfLine();
            return new Expression.Missing(span(t));
        }
        nesting++;
        try {
            return expressionAt(t);
        } finally {
            nesting--;
        }
    }

    private Expression expressionAt(Token t) {
        switch (t.kind()) {
            case STRING -> {
                advance();
                return new Expression.StringLit(StringLiterals.unescape(t.text()), t.text(), span(t));
            }
            case NUMBER -> {
                advance();
                return new Expression.NumberLit(t.text(), span(t));
            }
            case LBRACKET -> {
                advance();
                List<Expression> elements = new ArrayList<>();
                while (true) {
                    Token p = peek();
                    if (p.is(TokenKind.RBRACKET)) {
                        advance();
                        return new Expression.ArrayLit(List.copyOf(elements), Span.of(file, t.start(), p.end()));
                    }
                    if (p.isBlockComment()) {
                        midLineComment(p);
                        return new Expression.ArrayLit(List.copyOf(elements), Span.of(file, t.start(), p.start()));
                    }
                    if (p.is(TokenKind.NEWLINE) || p.is(TokenKind.EOF) || p.is(TokenKind.COMMENT) || p.is(TokenKind.RPAREN)) {
                        error(span(t), "This list is not closed: `]` is missing (lists must stay on one line).");
                        return new Expression.ArrayLit(List.copyOf(elements), Span.of(file, t.start(), p.start()));
                    }
                    elements.add(expression());
                    if (peek().is(TokenKind.COMMA)) advance();
                    else if (!peek().is(TokenKind.RBRACKET) && !peek().is(TokenKind.NEWLINE) && !peek().is(TokenKind.EOF)) {
                        error(span(peek()), "Expected `,` or `]` in the list, found `" + peek().text() + "`.");
                        skipToEndOfLine();
                        return new Expression.ArrayLit(List.copyOf(elements), Span.of(file, t.start(), peek().start()));
                    }
                }
            }
            case IDENT -> {
                advance();
                StringBuilder name = new StringBuilder(t.text());
                int end = t.end();
                while (peek().is(TokenKind.DOT) && peek(1).is(TokenKind.IDENT)) {
                    advance();
                    Token part = advance();
                    name.append('.').append(part.text());
                    end = part.end();
                }
                if (peek().is(TokenKind.LPAREN)) {
                    advance();
                    List<Argument> args = new ArrayList<>();
                    int close = arguments(args, "`" + name + "()`");
                    return new Expression.FunctionCall(name.toString(), List.copyOf(args), Span.of(file, t.start(), close));
                }
                return new Expression.Constant(name.toString(), Span.of(file, t.start(), end));
            }
            default -> {
                error(span(t), t.is(TokenKind.NEWLINE) || t.is(TokenKind.EOF)
                        ? "Expected a value here (a string, number, list, function call or constant)."
                        : "Expected a value (a string, number, list, function call or constant), found `" + t.text() + "`.");
                if (!t.is(TokenKind.NEWLINE) && !t.is(TokenKind.EOF) && !t.is(TokenKind.RPAREN) && !t.is(TokenKind.COMMA)) advance();
                return new Expression.Missing(span(t));
            }
        }
    }

    private String trailingComment() {
        if (!peek().is(TokenKind.COMMENT)) return null;
        Token t = advance();
        if (t.isBlockComment() && peek().is(TokenKind.COMMENT)) {
            error(span(peek()), "Only one comment may end a line; put this one on a line of its own.");
            skipToEndOfLine();
        }
        return t.text();
    }

    private void midLineComment(Token t) {
        error(span(t), "A block comment may stand only where a `//` comment may: on a line of its own or at the end of a line.");
        skipToEndOfLine();
    }

    /** After a complete line item: the line must end here; anything else is reported and skipped. */
    private void endOfLine(String after) {
        Token t = peek();
        if (t.is(TokenKind.NEWLINE)) { advance(); return; }
        if (t.is(TokenKind.EOF)) return;
        error(Span.of(file, t.start(), lineEnd(t.start())), "Unexpected `" + t.text() + "` after " + after + ".");
        skipLine();
    }

    private void skipToEndOfLine() {
        while (!peek().is(TokenKind.NEWLINE) && !peek().is(TokenKind.EOF)) advance();
    }

    private void skipLine() {
        skipToEndOfLine();
        if (peek().is(TokenKind.NEWLINE)) advance();
    }

    private int lineEnd(int offset) {
        String text = file.text();
        int e = text.indexOf('\n', offset);
        e = e < 0 ? text.length() : e;
        while (e > offset && Character.isWhitespace(text.charAt(e - 1))) e--;
        return e;
    }

    private Span lineSpan(Token t) { return Span.of(file, t.start(), Math.max(t.end(), lineEnd(t.start()))); }

    private Span span(Token t) { return Span.of(file, t.start(), t.end()); }

    private Token peek() { return tokens.get(i); }

    private Token peek(int ahead) { return tokens.get(Math.min(i + ahead, tokens.size() - 1)); }

    private Token advance() {
        Token t = tokens.get(i);
        if (i < tokens.size() - 1) i++;
        atLineStart = t.is(TokenKind.NEWLINE);
        return t;
    }
}
