package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Schema;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.List;

/** A model without createdAt / updatedAt. */
public final class MissingTimestamps implements SchemaRule {
    public String id() { return "missing-timestamps"; }

    public LintSeverity defaultSeverity() { return LintSeverity.INFO; }

    public String summary() { return "a model without createdAt or updatedAt"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        return schema.models().stream().filter(m -> !m.view() && !m.ignored()).filter(m -> {
            boolean created = m.scalarFields().stream().map(ScalarField::name).anyMatch(n -> n.equals("createdAt"));
            boolean updated = m.scalarFields().stream().anyMatch(f -> f.updatedAt() || f.name().equals("updatedAt"));
            return !created || !updated;
        }).map(m -> Findings.at(this, m.span(), "Model " + m.name() + " does not record when rows are created and changed.",
                "Without them, debugging, syncing and auditing need guesses.",
                "Add `createdAt DateTime @default(now())` and `updatedAt DateTime @updatedAt`.")).toList();
    }
}
