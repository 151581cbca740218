package dev.dbtool.cli;

import dev.dbtool.core.model.Schema;
import dev.dbtool.generators.liquibase.ChangeSetIds;
import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.LiquibaseSettings;
import dev.dbtool.generators.liquibase.MasterChangelog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

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

    /** The changesets' author: the generator block's {@code author}, else git's {@code user.name}, else the OS user. */
    String author(Environment env) {
        return settings.author() != null ? settings.author() : GitAuthor.find(directory.getParent(), env.variables());
    }

    /**
     * An id for a changeset written now whose file {@code changes/<id>.<ext>} does not exist yet: two runs within one
     * second get {@code slug-2}, {@code slug-3}… instead of failing or overwriting.
     */
    String freeChangeSetId(Instant now, String slug, ChangelogFormat format) {
        String id = ChangeSetIds.of(now, slug);
        for (int n = 2; Files.exists(directory.resolve("changes/" + id + "." + format.extension())); n++) id = ChangeSetIds.of(now, slug + "-" + n);
        return id;
    }

    /** Includes a changeset file (path relative to this folder) in the master changelog, creating the master if missing. */
    void include(String path) throws IOException {
        String master = Files.exists(master()) ? Files.readString(master()) : MasterChangelog.empty(settings.format());
        AtomicFiles.write(master(), MasterChangelog.append(master, settings.format(), path));
    }
}
