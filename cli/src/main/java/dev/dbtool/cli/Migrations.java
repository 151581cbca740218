package dev.dbtool.cli;

import dev.dbtool.core.model.Schema;
import dev.dbtool.generators.liquibase.LiquibaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The migrations folder of a schema: {@code output} of the liquibase generator block (default {@code migrations}),
 * relative to the schema file's folder (or to the schema folder itself when the schema is a folder of files).
 */
record Migrations(Path directory, LiquibaseSettings settings) {
    static Migrations of(Path schemaPath, Schema schema) {
        LiquibaseSettings settings;
        try {
            settings = LiquibaseSettings.from(schema);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.FINDINGS, "generator " + LiquibaseSettings.PROVIDER + ": " + e.getMessage());
        }
        Path base = Files.isDirectory(schemaPath) ? schemaPath : schemaPath.toAbsolutePath().getParent();
        return new Migrations(base.resolve(settings.output()).normalize(), settings);
    }

    Path master() { return directory.resolve(settings.masterFileName()); }

    Path snapshot() { return directory.resolve(dev.dbtool.generators.liquibase.Snapshot.FILE_NAME); }
}
