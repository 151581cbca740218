package dev.dbtool.core.diagnostics;

import dev.dbtool.core.source.Span;

/**
 * Renders a diagnostic the way compilers do: the clickable headline, the source line, a caret under the span.
 * Colour is the caller's decision (terminal and NO_COLOR), so the renderer stays a pure function.
 */
public final class DiagnosticRenderer {
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String BOLD = "\u001b[1m";
    private static final String BLUE = "\u001b[1;34m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    public DiagnosticRenderer(boolean colour) { this.colour = colour; }

    public String render(Diagnostic d) {
        Span span = d.span();
        StringBuilder out = new StringBuilder();
        String label = d.severity().label();
        out.append(span.path()).append(':').append(span.line()).append(':').append(span.column()).append(": ");
        out.append(paint(d.isError() ? RED : YELLOW, label)).append(": ").append(paint(BOLD, d.message())).append('\n');
        String line = span.file().line(span.line());
        String gutter = String.valueOf(span.line());
        String pad = " ".repeat(gutter.length());
        out.append(paint(BLUE, pad + " |")).append('\n');
        out.append(paint(BLUE, gutter + " |")).append(' ').append(line.replace('\t', ' ')).append('\n');
        int startCol = span.column() - 1;
        int lineEndOffset = span.start() - startCol + line.length();
        int width = Math.max(1, Math.min(span.end(), lineEndOffset) - span.start());
        out.append(paint(BLUE, pad + " |")).append(' ').append(" ".repeat(Math.min(startCol, line.length())))
                .append(paint(d.isError() ? RED : YELLOW, "^".repeat(width))).append('\n');
        return out.toString();
    }

    private String paint(String code, String text) { return colour ? code + text + RESET : text; }
}
