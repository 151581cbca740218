package dev.dbtool.core.source;

/** A range of a source file: offsets [start, end) plus the 1-based line and column of its start. */
public record Span(SourceFile file, int start, int end, int line, int column) {

    public static Span of(SourceFile file, int start, int end) {
        return new Span(file, start, end, file.lineOf(start), file.columnOf(start));
    }

    /** The span covering this one through {@code other} (same file). */
    public Span to(Span other) {
        return new Span(file, start, Math.max(end, other.end), line, column);
    }

    public String path() { return file.path(); }

    @Override
    public String toString() { return file.path() + ":" + line + ":" + column; }
}
