package dev.dbtool.cli;

import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.database.CatalogReader;
import dev.dbtool.database.DatabaseUrl;
import dev.dbtool.generators.pull.DatabaseToDsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "pull",
        description = "Introspect a live database into a schema (Prisma's `db pull`): tables, columns and native types, defaults, keys, indexes, enums, relations on both sides, implicit m:n join tables. Prints it, or writes it with --out.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 written, 1 the result does not validate or --out exists, 2 usage, 3 database unreachable.", "",
            "Examples:",
            "  dbtool pull --url postgresql://app@localhost:5432/app > schema.prisma",
            "  dbtool pull --url $DATABASE_URL --out prisma/schema.prisma --force"})
final class PullCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The database to read (postgresql://… or jdbc:postgresql://…).")
    String url;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of printing it.")
    String out;

    @Option(names = "--force", description = "With --out: replace an existing file.")
    boolean force;

    @Override
    public Integer call() {
        Environment env = root.environment;
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, "invalid --url: " + e.getMessage());
        }
        DbSchema db;
        try (Connection c = DriverManager.getConnection(parsed.jdbc())) {
            db = CatalogReader.read(c);
        } catch (SQLException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot read " + parsed.redacted() + ": " + e.getMessage(), e);
        }
        String text = DatabaseToDsl.render(db);
        var check = SchemaLoader.load(out == null ? "pulled.prisma" : out, text);
        if (check.hasErrors()) {
            DiagnosticsReport.text(check.diagnostics(), env);
            env.out().print(text);
            throw new UserError(ExitCodes.FINDINGS, "the introspected schema does not validate (printed above); please report it");
        }
        if (out == null) {
            env.out().print(text);
        } else {
            Path target = env.resolve(out);
            if (Files.exists(target) && !force) throw new UserError(ExitCodes.FINDINGS, out + " exists; add --force to replace it");
            try {
                AtomicFiles.write(target, text);
            } catch (IOException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot write " + out + ": " + e.getMessage(), e);
            }
            env.out().println(env.display(target));
        }
        env.err().println("✔ Introspected " + db.tables().size() + " tables and " + db.enums().size() + " enums from " + parsed.redacted() + ".");
        return ExitCodes.OK;
    }
}
