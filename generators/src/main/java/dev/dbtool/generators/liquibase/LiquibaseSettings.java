package dev.dbtool.generators.liquibase;

import dev.dbtool.core.model.Generator;
import dev.dbtool.core.model.Schema;

/**
 * Where and how changelogs are written, from the schema's {@code generator} block with
 * {@code provider = "dbtool-liquibase"} (all settings optional):
 * {@code output} (folder, relative to the schema file; default {@code migrations}), {@code format}
 * ({@code yaml}, {@code xml} or {@code sql}; default {@code yaml}), {@code author} (default: git's user.name).
 */
public record LiquibaseSettings(String output, ChangelogFormat format, String author) {
    public static final String PROVIDER = "dbtool-liquibase";
    public static final String DEFAULT_OUTPUT = "migrations";

    /** {@link IllegalArgumentException} for an unknown format. */
    public static LiquibaseSettings from(Schema schema) {
        Generator g = schema.generators().stream().filter(x -> PROVIDER.equals(x.provider())).findFirst().orElse(null);
        if (g == null) return new LiquibaseSettings(DEFAULT_OUTPUT, ChangelogFormat.YAML, null);
        String output = g.setting("output");
        String format = g.setting("format");
        return new LiquibaseSettings(output == null ? DEFAULT_OUTPUT : output, format == null ? ChangelogFormat.YAML : ChangelogFormat.parse(format),
                g.setting("author"));
    }

    public String masterFileName() { return "changelog." + format.masterExtension(); }
}
