package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.source.Span;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintRule;

/** A finding of a schema rule at a span of the schema. */
final class Findings {
    private Findings() {}

    static Finding at(LintRule rule, Span span, String message, String why, String fix) {
        return new Finding(rule.id(), rule.defaultSeverity(), message, why, fix, span.path(), span.line(), span.column());
    }
}
