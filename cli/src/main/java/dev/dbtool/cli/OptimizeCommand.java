package dev.dbtool.cli;

import dev.dbtool.core.model.Schema;
import dev.dbtool.database.advisor.Advisor;
import dev.dbtool.database.advisor.AdvisorException;
import dev.dbtool.database.advisor.AdvisorResult;
import dev.dbtool.database.advisor.HealthFinding;
import dev.dbtool.database.advisor.WhatIf;
import dev.dbtool.database.migrate.MigrationException;
import dev.dbtool.database.migrate.Migrator;
import dev.dbtool.generators.advisor.Recommendation;
import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.SqlChangeSetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "optimize",
        description = "Index advice from the database's own workload: reads pg_stat_statements, parses each statement, costs candidate indexes "
                + "(HypoPG hypothetical indexes, real builds rolled back with --what-if build, or estimates from pg_stats), picks the set that saves "
                + "the most time workload-wide within the budget, and reports unused, duplicate, overlapping and invalid indexes and foreign keys "
                + "without one. Read-only on the database (except --what-if build and --apply).",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done, 1 the schema has errors, 2 usage, 3 the database cannot be reached or lacks pg_stat_statements.", "",
            "Examples:",
            "  dbtool optimize --url postgresql://app@db.internal/shop",
            "  dbtool optimize --what-if build --changeset          # on a staging copy: exact costs, then a migration",
            "  dbtool optimize --min-calls 100 --budget 2GB --format json"})
final class OptimizeCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Mixin DatabaseOption databaseOption;

    @Option(names = "--min-calls", paramLabel = "N", defaultValue = "10", description = "Ignore statements run fewer times. Default: ${DEFAULT-VALUE}.")
    long minCalls;

    @Option(names = "--max-statements", paramLabel = "N", defaultValue = "500", description = "Read at most N statements, most total time first. Default: ${DEFAULT-VALUE}.")
    int maxStatements;

    @Option(names = "--budget", paramLabel = "SIZE", description = "Total size of the new indexes, e.g. 500MB or 2GB. Default: no limit.")
    String budget;

    @Option(names = "--what-if", paramLabel = "hypopg|build|none",
            description = "How costs with an index are found. Default: hypopg when the extension is installed, else none (estimates). "
                    + "build creates each index for real in a rolled-back transaction: never on production.")
    String whatIf;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Report format. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--changeset", description = "Also write the recommendations as a Liquibase changeset (CREATE INDEX CONCURRENTLY) in the migrations folder.")
    boolean changeset;

    @Option(names = "--drop-unused", description = "With --changeset: also drop the unused and duplicate indexes found (rollback recreates them).")
    boolean dropUnused;

    @Option(names = "--apply", description = "Write the changeset and apply it to the database now (Liquibase).")
    boolean apply;

    @Override
    public Integer call() {
        Environment env = root.environment;
        if (dropUnused && !changeset && !apply) throw new UserError(ExitCodes.USAGE, "--drop-unused needs --changeset (drops are only ever written as a migration)");
        if (minCalls < 1 || maxStatements < 1) throw new UserError(ExitCodes.USAGE, "--min-calls and --max-statements must be at least 1");
        WhatIf.Mode mode = whatIf == null ? null : switch (whatIf.toLowerCase(Locale.ROOT)) {
            case "hypopg" -> WhatIf.Mode.HYPOPG;
            case "build" -> WhatIf.Mode.BUILD;
            case "none" -> WhatIf.Mode.NONE;
            default -> throw new UserError(ExitCodes.USAGE, "--what-if must be hypopg, build or none, not `" + whatIf + "`");
        };
        long budgetBytes = budget == null ? Long.MAX_VALUE : parseSize(budget);
        LoadedProject project = null;
        try {
            project = LoadedProject.load(schemaOption, env);
        } catch (UserError e) {
            if (changeset || apply || e.exitCode() != ExitCodes.USAGE) throw e;
        }
        Schema schema = project == null ? null : project.loaded().schema();
        Path projectDir = project == null ? env.resolve(".") : (Files.isDirectory(project.schemaPath()) ? project.schemaPath() : project.schemaPath().toAbsolutePath().getParent());
        try (DatabaseOption.Target db = databaseOption.open(env, schema == null ? emptySchema() : schema, projectDir)) {
            AdvisorResult result;
            try (StepProgress progress = new StepProgress(env, "optimize", "candidates")) {
                result = Advisor.run(new Advisor.Options(db.jdbcUrl(), minCalls, maxStatements, budgetBytes, mode), progress);
            } catch (AdvisorException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, e.getMessage(), e);
            }
            if (format == OutputFormat.json) env.out().print(OptimizeReport.json(result, schema));
            else OptimizeReport.text(result, schema, env.out());
            env.out().flush();
            if ((changeset || apply) && project != null) write(result, project, db.jdbcUrl(), env);
            return ExitCodes.OK;
        }
    }

    private void write(AdvisorResult result, LoadedProject project, String jdbcUrl, Environment env) {
        List<SqlChangeSetWriter.Drop> drops = dropUnused ? drops(result, jdbcUrl) : List.of();
        if (result.recommendations().isEmpty() && drops.isEmpty()) {
            env.err().println("No changeset written: nothing to change.");
            return;
        }
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        ChangelogFormat format = migrations.settings().format();
        String id = migrations.freeChangeSetId(SchemaCommand.clock.instant(), "optimize-indexes", format);
        String path = "changes/" + id + "." + format.extension();
        Path file = migrations.directory().resolve(path);
        List<String> before;
        try {
            // no changelog yet (a database adopted with `pull`): this changeset starts one
            before = apply && Files.exists(migrations.master()) ? new Migrator(jdbcUrl, migrations.master()).pending("!seed") : List.of();
        } catch (MigrationException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot read the migration state: " + e.getMessage(), e);
        }
        if (apply && !before.isEmpty())
            throw new UserError(ExitCodes.FINDINGS, before.size() + " other changeset" + (before.size() == 1 ? " is" : "s are") + " pending (" + String.join(", ", before)
                    + "); run `dbtool migrate` first (or `dbtool migrate baseline` if the database already has what they create), then `dbtool optimize --apply`");
        try {
            AtomicFiles.write(file, SqlChangeSetWriter.write(result.recommendations().stream().map(Recommendation::index).toList(), drops, id,
                    migrations.author(env), format, path));
            migrations.include(path);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write the changeset: " + e.getMessage(), e);
        }
        env.err().println("✔ Wrote " + env.display(file) + " (" + result.recommendations().size() + " indexes" + (drops.isEmpty() ? "" : ", " + drops.size() + " drops")
                + "); add the schema lines above so the schema describes them.");
        if (apply) {
            try {
                new Migrator(jdbcUrl, migrations.master()).update("!seed");
            } catch (MigrationException e) {
                throw new UserError(e.isConnectionProblem() ? ExitCodes.ENVIRONMENT : ExitCodes.FINDINGS, "applying the changeset failed: " + e.getMessage(), e);
            }
            env.err().println("✔ Applied to the database.");
        }
    }

    /**
     * Unused indexes, and all but one of each duplicate group (the one kept is unique or backs a constraint, when one
     * does), never an index that enforces uniqueness or a constraint; each with its definition for the rollback.
     */
    private static List<SqlChangeSetWriter.Drop> drops(AdvisorResult result, String jdbcUrl) {
        String info = "SELECT i.oid::regclass::text, pg_get_indexdef(i.oid), x.indisunique OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid) "
                + "FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid WHERE i.oid = to_regclass(?)";
        List<SqlChangeSetWriter.Drop> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement ps = c.prepareStatement(info)) {
            List<String> seen = new ArrayList<>();
            for (HealthFinding f : result.health()) {
                boolean unused = f.kind() == HealthFinding.Kind.UNUSED_INDEX;
                if (!unused && f.kind() != HealthFinding.Kind.DUPLICATE_INDEXES) continue;
                List<String[]> group = new ArrayList<>();
                for (String name : f.name().split(", ")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) group.add(new String[] {rs.getString(1), rs.getString(2), rs.getBoolean(3) ? "keep" : ""});
                    }
                }
                boolean kept = unused;
                for (String[] g : group) if (!kept && g[2].equals("keep")) kept = true;
                if (!kept && !group.isEmpty()) group.get(0)[2] = "keep";
                for (String[] g : group) {
                    if (g[2].equals("keep") || seen.contains(g[0])) continue;
                    seen.add(g[0]);
                    out.add(new SqlChangeSetWriter.Drop(g[0], g[1]));
                }
            }
        } catch (SQLException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot read the index definitions: " + e.getMessage(), e);
        }
        return out;
    }

    static long parseSize(String text) {
        var m = java.util.regex.Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb)?\\s*").matcher(text);
        if (!m.matches()) throw new UserError(ExitCodes.USAGE, "--budget must be a size like 500MB or 2GB, not `" + text + "`");
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "kb" -> 1L << 10;
            case "mb" -> 1L << 20;
            case "gb" -> 1L << 30;
            case "tb" -> 1L << 40;
            default -> 1;
        };
        return (long) (n * factor);
    }

    private static Schema emptySchema() { return new Schema(null, List.of(), List.of(), List.of(), List.of(), List.of()); }
}
