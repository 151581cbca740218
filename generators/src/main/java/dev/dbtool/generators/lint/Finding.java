package dev.dbtool.generators.lint;

/**
 * One lint finding: the rule, its (configured) severity, what is wrong, why it is dangerous, and the safe way; located
 * at a file, line and column (1-based).
 */
public record Finding(String rule, LintSeverity severity, String message, String why, String fix, String file, int line, int column) {
    public Finding withSeverity(LintSeverity s) { return new Finding(rule, s, message, why, fix, file, line, column); }
}
