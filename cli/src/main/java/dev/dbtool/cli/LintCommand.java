package dev.dbtool.cli;

import dev.dbtool.generators.lint.ChangelogReader;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintRule;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.Linter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "lint",
        description = "Check the schema (12 rules: missing indexes on foreign keys, secrets in clear, money in Float, naming, …) and the "
                + "changelog's migrations (12 rules: locks, rewrites and drops that hurt a live database, missing rollbacks). "
                + "Each finding says why it is dangerous and the safe way.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage (bad config), 3 unreadable files.", "",
            "Configuration: a properties file (--config, default .dbtool-lint beside the schema): `rule-id = off|info|warning|error`.",
            "Suppression: `// dbtool-lint-disable RULE: reason` on or above the schema line; in a changeset's comment for migrations.", "",
            "Examples:",
            "  dbtool lint",
            "  dbtool lint --format sarif > dbtool.sarif     # GitHub code scanning",
            "  dbtool lint --config ci/lint.properties --format json"})
final class LintCommand implements Callable<Integer> {
    static final String DEFAULT_CONFIG = ".dbtool-lint";

    enum Format { text, json, sarif }

    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Option(names = "--format", paramLabel = "text|json|sarif", defaultValue = "text", description = "Report format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--config", paramLabel = "FILE", description = "Rule severities (`rule-id = off|info|warning|error`).")
    String config;

    @Override
    public Integer call() {
        Environment env = root.environment;
        LoadedProject project = LoadedProject.load(schemaOption, env);
        Map<String, LintSeverity> severities = config(project, env);
        List<Finding> findings = new ArrayList<>(Linter.schema(project.loaded().schema(), project.sources(), severities));
        Migrations migrations = Migrations.of(project.schemaPath(), project.loaded().schema());
        if (Files.exists(migrations.master())) {
            try {
                findings.addAll(Linter.migrations(ChangelogReader.read(migrations.master()), severities));
            } catch (IOException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, e.getMessage(), e);
            }
        }
        List<Finding> shown = findings.stream().map(f -> relative(f, env)).toList();
        switch (format) {
            case json -> env.out().print(LintReports.json(shown));
            case sarif -> env.out().print(LintReports.sarif(shown, new VersionProvider().version()));
            default -> LintReports.text(shown, env);
        }
        return shown.stream().anyMatch(f -> f.severity() == LintSeverity.ERROR) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static Finding relative(Finding f, Environment env) {
        String file = env.display(Path.of(f.file()).isAbsolute() ? Path.of(f.file()) : env.resolve(f.file()));
        return new Finding(f.rule(), f.severity(), f.message(), f.why(), f.fix(), file, f.line(), f.column());
    }

    private Map<String, LintSeverity> config(LoadedProject project, Environment env) {
        Path file = config != null ? env.resolve(config) : (java.nio.file.Files.isDirectory(project.schemaPath())
                ? project.schemaPath() : project.schemaPath().toAbsolutePath().getParent()).resolve(DEFAULT_CONFIG);
        Map<String, LintSeverity> out = new TreeMap<>();
        if (!Files.exists(file)) {
            if (config != null) throw new UserError(ExitCodes.USAGE, "lint configuration not found: " + config);
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot read " + env.display(file) + ": " + e.getMessage(), e);
        }
        List<String> ids = Linter.rules().stream().map(LintRule::id).toList();
        for (String key : p.stringPropertyNames()) {
            if (!ids.contains(key)) throw new UserError(ExitCodes.USAGE, env.display(file) + ": unknown rule `" + key + "`");
            try {
                out.put(key, LintSeverity.parse(p.getProperty(key)));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.USAGE, env.display(file) + ": `" + key + "` must be off, info, warning or error");
            }
        }
        return out;
    }
}
