package dev.dbtool.generators.liquibase;

import java.util.Locale;

/** The changelog formats dbtool writes, chosen with {@code format} in the liquibase generator block. */
public enum ChangelogFormat {
    YAML("yaml"), XML("xml"), SQL("postgresql.sql");

    private final String extension;

    ChangelogFormat(String extension) { this.extension = extension; }

    /** File extension of a changeset file; formatted SQL names its database so Liquibase knows the dialect. */
    public String extension() { return extension; }

    /** The master changelog is YAML for the SQL format too: formatted SQL cannot include other files. */
    public String masterExtension() { return this == XML ? "xml" : "yaml"; }

    public static ChangelogFormat parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yaml", "yml" -> YAML;
            case "xml" -> XML;
            case "sql" -> SQL;
            default -> throw new IllegalArgumentException("unknown changelog format `" + value + "`: use yaml, xml or sql");
        };
    }
}
