package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.List;

/** Some tables named like their models, others snake_case through @@map: one style per schema. */
public final class InconsistentTableNaming implements SchemaRule {
    public String id() { return "inconsistent-table-naming"; }

    public LintSeverity defaultSeverity() { return LintSeverity.INFO; }

    public String summary() { return "tables named in more than one style"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Model> models = schema.models().stream().filter(m -> !m.view()).toList();
        long snake = models.stream().filter(m -> m.tableName().matches("[a-z0-9_]+")).count();
        long other = models.size() - snake;
        if (snake == 0 || other == 0) return List.of();
        boolean snakeWins = snake >= other;
        return models.stream().filter(m -> m.tableName().matches("[a-z0-9_]+") != snakeWins)
                .map(m -> Findings.at(this, m.span(), "Table " + m.tableName() + " of model " + m.name() + " is not named like the others ("
                        + (snakeWins ? "snake_case" : "the model's name") + ").", "Hand-written SQL, dashboards and DBAs work with one convention; two invite mistakes.",
                        snakeWins ? "Add `@@map(\"" + snakeCase(m.name()) + "\")`." : "Drop the `@@map` or map every model the same way."))
                .toList();
    }

    static String snakeCase(String s) { return s.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT); }
}
