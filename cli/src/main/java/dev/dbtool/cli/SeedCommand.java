package dev.dbtool.cli;

import dev.dbtool.database.seed.CopyLoader;
import dev.dbtool.database.seed.SeedLoadException;
import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.SeedChangeSetWriter;
import dev.dbtool.generators.seed.CsvWriter;
import dev.dbtool.generators.seed.SeedOptions;
import dev.dbtool.generators.seed.SeedLink;
import dev.dbtool.generators.seed.SeedPlan;
import dev.dbtool.generators.seed.SeedPlanner;
import dev.dbtool.generators.seed.SeedSecrets;
import dev.dbtool.generators.seed.SeedTable;
import dev.dbtool.generators.seed.SqlScriptWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "seed",
        description = "Generate deterministic seed data that respects the schema (types and lengths, uniques, enums, @validate rules, "
                + "relations in dependency order) and write it as a SQL script or stream it into a database with COPY.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done, 1 the schema cannot be seeded or a row was refused (nothing is loaded), 2 usage, "
                + "3 database unreachable or file unwritable.", "",
            "Examples:",
            "  dbtool seed --count 100                       # load the default database (as --load)",
            "  dbtool seed --out seed.sql                    # psql -f seed.sql",
            "  dbtool seed --load --count 1000 --seed 42     # into the development database",
            "  dbtool seed --changeset && dbtool migrate --contexts seed",
            "  dbtool seed --load --truncate --url $DATABASE_URL"})
final class SeedCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Mixin DatabaseOption databaseOption;

    static final class Target {
        @Option(names = "--out", paramLabel = "FILE.sql", description = "Write a SQL script (multi-row INSERTs in one transaction).")
        String out;

        @Option(names = "--load", description = "Stream the rows into the database with COPY, in one transaction. The default when none of the three is given.")
        boolean load;

        @Option(names = "--changeset", description = "Write a Liquibase changeset (context seed) that loads CSV files, and include it "
                + "in the master changelog; `dbtool migrate --contexts seed` applies it.")
        boolean changeset;
    }

    /** None of the three: load the default database, as {@code prisma db seed} does. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target = new Target();

    @Option(names = "--count", paramLabel = "N", description = "Rows per model without @@seed(count: n). Default: " + SeedOptions.DEFAULT_COUNT + ".")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The random seed: the same seed gives the same data. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--truncate", description = "Empty the seeded tables first (TRUNCATE … CASCADE).")
    boolean truncate;

    @Option(names = "--force", description = "With --out: replace an existing file.")
    boolean force;

    @Override
    public Integer call() {
        Environment env = root.environment;
        if (count != null && count < 0) throw new UserError(ExitCodes.USAGE, "--count must be 0 or more");
        LoadedProject project = LoadedProject.load(schemaOption, env);
        SeedPlan plan;
        try {
            plan = SeedPlanner.plan(project.loaded().schema(), new SeedOptions(seed, count));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.FINDINGS, "cannot seed this schema: " + e.getMessage());
        }
        for (String note : plan.notes()) env.err().println("note: " + note);
        boolean secrets = project.loaded().schema().models().stream().flatMap(m -> m.scalarFields().stream())
                .anyMatch(f -> f.extensions().hashed() || f.extensions().encrypted());
        if (secrets) {
            env.err().println("@hashed fields hold an argon2id hash of the development password \"" + SeedSecrets.DEV_PASSWORD + "\"; "
                    + "@encrypted fields are encrypted with a development key; the generated API reads them with ENCRYPTION_KEYS="
                    + SeedSecrets.DEV_KEY_ID + ":" + plan.secrets().keyBase64());
        }
        if (target.changeset) return writeChangeset(plan, env, project);
        return target.out != null ? writeScript(plan, env) : load(plan, env, project);
    }

    private int writeScript(SeedPlan plan, Environment env) {
        Path file = env.resolve(target.out);
        if (Files.isDirectory(file)) throw new UserError(ExitCodes.USAGE, target.out + " is a directory; --out names a file");
        if (Files.exists(file) && !force) throw new UserError(ExitCodes.FINDINGS, target.out + " exists; add --force to replace it");
        try {
            AtomicFiles.write(file, w -> SqlScriptWriter.write(plan, truncate, w));
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write " + target.out + ": " + e.getMessage(), e);
        }
        env.out().println(env.display(file));
        env.err().println("✔ Wrote seed data for " + plan.tables().size() + " tables; run it with psql -f " + target.out + ".");
        return ExitCodes.OK;
    }

    private int writeChangeset(SeedPlan plan, Environment env, LoadedProject project) {
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        ChangelogFormat format = migrations.settings().format() == ChangelogFormat.XML ? ChangelogFormat.XML : ChangelogFormat.YAML;
        String id = migrations.freeChangeSetId(SchemaCommand.clock.instant(), "seed", format);
        String path = "changes/" + id + "." + format.extension();
        String csvFolder = "../seed/" + id;
        Path changeset = migrations.directory().resolve(path);
        Path csvDir = migrations.directory().resolve("seed").resolve(id);
        if (Files.exists(csvDir)) throw new UserError(ExitCodes.ENVIRONMENT, env.display(csvDir) + " exists without its changeset; remove it or move it away");
        String author = migrations.author(env);
        try {
            Files.createDirectories(csvDir);
            long rows = 0;
            for (SeedTable t : plan.tables()) {
                if (t.columns().isEmpty()) continue;
                try (Writer w = new BufferedWriter(Files.newBufferedWriter(csvDir.resolve(t.displayName() + ".csv"), StandardCharsets.UTF_8), 1 << 16)) {
                    rows += CsvWriter.write(t, w);
                }
            }
            for (SeedTable t : plan.tables()) {
                for (SeedLink link : t.links()) {
                    try (Writer w = new BufferedWriter(Files.newBufferedWriter(csvDir.resolve(link.csvName()), StandardCharsets.UTF_8), 1 << 16)) {
                        CsvWriter.write(link, w);
                    }
                }
            }
            AtomicFiles.write(changeset, SeedChangeSetWriter.write(plan, id, author, format, path, csvFolder));
            migrations.include(path);
            env.out().println(env.display(changeset));
            env.err().println("✔ Wrote changeset " + id + " (context seed, " + rows + " rows in " + env.display(csvDir) + "); apply it with "
                    + "`dbtool migrate --contexts seed`.");
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write the seed changeset: " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private int load(SeedPlan plan, Environment env, LoadedProject project) {
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        List<String> before = truncate && !plan.tables().isEmpty() ? List.of("TRUNCATE " + String.join(", ", plan.truncateOrder()) + " CASCADE") : List.of();
        long expected = plan.tables().stream().mapToLong(SeedTable::expectedRows).sum();
        try (DatabaseOption.Target db = databaseOption.open(env, project.loaded().schema(), migrations.directory().getParent());
             Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            long rows;
            try (ProgressDisplay progress = ProgressDisplay.start(env, "seed", expected, "rows")) {
                rows = CopyLoader.load(c, before, plan, progress::stepTo);
            }
            env.err().println("✔ Loaded " + rows + " rows into " + plan.tables().size() + " tables of " + db.description() + ".");
            return ExitCodes.OK;
        } catch (SeedLoadException e) {
            throw new UserError(ExitCodes.FINDINGS, e.getMessage(), e);
        } catch (SQLException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot connect to the database: " + e.getMessage(), e);
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw new UserError(ExitCodes.ENVIRONMENT, e.getMessage(), e);
        }
    }
}
