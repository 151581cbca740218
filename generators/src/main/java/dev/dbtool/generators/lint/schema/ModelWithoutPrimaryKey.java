package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.List;

/** A model identified only by a unique constraint, without @id or @@id. */
public final class ModelWithoutPrimaryKey implements SchemaRule {
    public String id() { return "model-without-primary-key"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "a model without @id or @@id"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        return schema.models().stream().filter(m -> !m.view() && !m.ignored() && m.primaryKey() == null)
                .map(m -> Findings.at(this, m.span(), "Model " + m.name() + " has no primary key.",
                        "Logical replication, many tools and ORMs need a primary key; a unique constraint alone allows NULLs in some columns.",
                        "Mark its unique field `@id`, or turn `@@unique([…])` into `@@id([…])`."))
                .toList();
    }
}
