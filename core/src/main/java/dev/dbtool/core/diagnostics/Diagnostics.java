package dev.dbtool.core.diagnostics;

import dev.dbtool.core.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics while parsing and validating go on (recover and continue). */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void error(Span span, String message) { items.add(Diagnostic.error(span, message)); }

    public void warning(Span span, String message) { items.add(Diagnostic.warning(span, message)); }

    public void add(Diagnostic d) { items.add(d); }

    public void addAll(List<Diagnostic> ds) { items.addAll(ds); }

    public boolean hasErrors() { return items.stream().anyMatch(Diagnostic::isError); }

    /** Sorted by file, then position, then message, so output is deterministic. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.span().path())
                .thenComparingInt(d -> d.span().start())
                .thenComparing(Diagnostic::message));
        return List.copyOf(copy);
    }
}
