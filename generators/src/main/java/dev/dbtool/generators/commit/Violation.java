package dev.dbtool.generators.commit;

/** One broken rule of a commit message: {@code rule} is commitlint's name for it; warnings do not fail a check. */
public record Violation(String rule, boolean error, String message) {}
