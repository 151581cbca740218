package dev.dbtool.generators.lint;

/** What every rule has: an id (its docs page is docs/lint/ID.md), a default severity and a one-line summary. */
public interface LintRule {
    String id();

    LintSeverity defaultSeverity();

    String summary();
}
