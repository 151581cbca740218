package dev.dbtool.cli;

/** {@code --format text|json} of report commands. */
public enum OutputFormat { text, json }
