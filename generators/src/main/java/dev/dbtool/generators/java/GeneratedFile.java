package dev.dbtool.generators.java;

/**
 * One output file, its path relative to the generator's output folder. A scaffold is written only when it does not
 * exist yet (the user owns it); everything else is rewritten on every run.
 */
public record GeneratedFile(String path, String content, boolean scaffold) {}
