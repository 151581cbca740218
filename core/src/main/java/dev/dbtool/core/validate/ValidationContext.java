package dev.dbtool.core.validate;

import dev.dbtool.core.diagnostics.Diagnostics;
import dev.dbtool.core.source.Span;

/** What attribute rules need besides their own arguments: where to report, and what the schema declares. */
public record ValidationContext(Diagnostics diagnostics, Declarations declarations, String datasourceName) {
    public void error(Span span, String message) { diagnostics.error(span, message); }

    public void warning(Span span, String message) { diagnostics.warning(span, message); }
}
