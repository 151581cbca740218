package dev.dbtool.cli;

import dev.dbtool.core.model.ConfigValue;
import dev.dbtool.core.model.Schema;
import dev.dbtool.database.DatabaseUrl;
import dev.dbtool.database.embedded.DevDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --url}, shared by the database commands. Without it: {@code DATABASE_URL}, then the datasource's
 * {@code url} (a literal, or the variable its {@code env("…")} names), then the embedded development database
 * kept in {@code .dbtool/postgres} beside the schema.
 */
public final class DatabaseOption {
    @Option(names = "--url", paramLabel = "URL",
            description = "Database URL, postgresql://user:pass@host:port/db?schema=… or jdbc:postgresql://…. "
                    + "Default: $DATABASE_URL, the datasource's url, else the embedded development database.")
    String url;

    /** A connection target; close it to stop the embedded server if one was started. */
    record Target(String jdbcUrl, String description, DevDatabase embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) embedded.close();
        }
    }

    Target open(Environment env, Schema schema, Path projectDirectory) {
        String chosen = url;
        String source = "--url";
        if (chosen == null && env.variables().get("DATABASE_URL") != null && !env.variables().get("DATABASE_URL").isBlank()) {
            chosen = env.variables().get("DATABASE_URL");
            source = "DATABASE_URL";
        }
        if (chosen == null && schema.datasource() != null) {
            ConfigValue v = schema.datasource().url();
            if (v instanceof ConfigValue.Literal l) {
                chosen = l.value();
                source = "the datasource url";
            } else if (v instanceof ConfigValue.Env e && env.variables().get(e.variable()) != null) {
                chosen = env.variables().get(e.variable());
                source = e.variable();
            }
        }
        if (chosen != null) {
            try {
                DatabaseUrl parsed = DatabaseUrl.parse(chosen);
                return new Target(parsed.jdbc(), parsed.redacted() + " (from " + source + ")", null);
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.USAGE, "invalid database URL from " + source + ": " + e.getMessage());
            }
        }
        env.err().println("No --url or DATABASE_URL: using the embedded development database in "
                + env.display(DevDatabase.dataDirectory(projectDirectory)) + ".");
        try {
            DevDatabase dev = DevDatabase.start(projectDirectory);
            return new Target(dev.jdbcUrl(), "the embedded development database", dev);
        } catch (RuntimeException e) {
            String hint = String.valueOf(e.getMessage()).contains("could not lock")
                    ? " (another dbtool command, `dbtool dev` perhaps, is using it: stop that one, or pass --url)" : "";
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot start the embedded development database: " + e.getMessage() + hint, e);
        }
    }
}
