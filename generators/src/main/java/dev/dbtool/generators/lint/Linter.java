package dev.dbtool.generators.lint;

import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.core.source.SourceFile;
import dev.dbtool.generators.lint.migration.AddingRequiredColumn;
import dev.dbtool.generators.lint.migration.AddingUniqueConstraint;
import dev.dbtool.generators.lint.migration.ChangeSetWithoutRollback;
import dev.dbtool.generators.lint.migration.ChangingColumnType;
import dev.dbtool.generators.lint.migration.CheckWithoutNotValid;
import dev.dbtool.generators.lint.migration.DroppingColumn;
import dev.dbtool.generators.lint.migration.DroppingTable;
import dev.dbtool.generators.lint.migration.ForeignKeyWithoutNotValid;
import dev.dbtool.generators.lint.migration.NonConcurrentIndex;
import dev.dbtool.generators.lint.migration.RenamingColumnOrTable;
import dev.dbtool.generators.lint.migration.SettingNotNull;
import dev.dbtool.generators.lint.migration.VolatileDefault;
import dev.dbtool.generators.lint.schema.FieldNameCase;
import dev.dbtool.generators.lint.schema.FloatForMoney;
import dev.dbtool.generators.lint.schema.ForeignKeyWithoutIndex;
import dev.dbtool.generators.lint.schema.InconsistentTableNaming;
import dev.dbtool.generators.lint.schema.MissingTimestamps;
import dev.dbtool.generators.lint.schema.ModelNameCase;
import dev.dbtool.generators.lint.schema.ModelWithoutPrimaryKey;
import dev.dbtool.generators.lint.schema.RedundantIndex;
import dev.dbtool.generators.lint.schema.RepeatedFieldGroup;
import dev.dbtool.generators.lint.schema.RequiredRelationWithoutOnDelete;
import dev.dbtool.generators.lint.schema.SensitiveFieldUnprotected;
import dev.dbtool.generators.lint.schema.UnboundedStringInIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the rules, applies the configured severities ({@code off} removes a rule) and inline suppressions
 * ({@code dbtool-lint-disable RULE: reason} in a schema comment on or above the finding's line, or in a changeset's
 * comment; a suppression without a reason does not count), and sorts the findings.
 */
public final class Linter {
    public static final List<SchemaRule> SCHEMA_RULES = List.of(new ForeignKeyWithoutIndex(), new ModelWithoutPrimaryKey(),
            new SensitiveFieldUnprotected(), new FloatForMoney(), new UnboundedStringInIndex(), new RequiredRelationWithoutOnDelete(),
            new RedundantIndex(), new ModelNameCase(), new FieldNameCase(), new InconsistentTableNaming(), new MissingTimestamps(),
            new RepeatedFieldGroup());
    public static final List<MigrationRule> MIGRATION_RULES = List.of(new AddingRequiredColumn(), new NonConcurrentIndex(),
            new ChangingColumnType(), new DroppingColumn(), new DroppingTable(), new RenamingColumnOrTable(), new ForeignKeyWithoutNotValid(),
            new AddingUniqueConstraint(), new SettingNotNull(), new ChangeSetWithoutRollback(), new VolatileDefault(), new CheckWithoutNotValid());
    private static final Pattern SUPPRESS = Pattern.compile("dbtool-lint-disable\\s+([a-z0-9-]+)\\s*:\\s*(\\S.*)");

    private Linter() {}

    public static List<LintRule> rules() {
        List<LintRule> all = new ArrayList<>(SCHEMA_RULES);
        all.addAll(MIGRATION_RULES);
        return all;
    }

    public static List<Finding> schema(Schema schema, List<SourceFile> sources, Map<String, LintSeverity> config) {
        DbSchema db = PhysicalSchemaBuilder.build(schema);
        List<Finding> out = new ArrayList<>();
        for (SchemaRule rule : SCHEMA_RULES) {
            for (Finding f : rule.check(schema, db)) {
                if (!suppressedInSchema(f, sources)) out.add(f);
            }
        }
        return configure(out, config);
    }

    public static List<Finding> migrations(ChangelogReader.Result changelog, Map<String, LintSeverity> config) {
        List<Finding> out = new ArrayList<>();
        for (MigrationRule rule : MIGRATION_RULES) {
            for (Finding f : rule.check(changelog.statements(), changelog.changeSets())) {
                boolean suppressed = changelog.changeSets().stream().anyMatch(c -> f.file().equals(c.file()) && f.line() == c.line()
                        && suppresses(c.comment(), f.rule()));
                if (!suppressed) out.add(f);
            }
        }
        return configure(out, config);
    }

    private static boolean suppressedInSchema(Finding f, List<SourceFile> sources) {
        for (SourceFile s : sources) {
            if (!s.path().equals(f.file())) continue;
            for (int line = Math.max(1, f.line() - 1); line <= Math.min(s.lineCount(), f.line()); line++) {
                if (suppresses(s.line(line), f.rule())) return true;
            }
        }
        return false;
    }

    static boolean suppresses(String text, String rule) {
        Matcher m = SUPPRESS.matcher(text);
        while (m.find()) if (m.group(1).equals(rule)) return true;
        return false;
    }

    private static List<Finding> configure(List<Finding> findings, Map<String, LintSeverity> config) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            LintSeverity s = config.getOrDefault(f.rule(), f.severity());
            if (s != LintSeverity.OFF) out.add(f.withSeverity(s));
        }
        out.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::rule));
        return out;
    }
}
