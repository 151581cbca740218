package dev.dbtool.generators.lint;

import java.util.Locale;

/** How much a finding matters; {@code OFF} disables a rule in the configuration. */
public enum LintSeverity {
    ERROR, WARNING, INFO, OFF;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** SARIF's level names. */
    public String sarifLevel() {
        return switch (this) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    public static LintSeverity parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
