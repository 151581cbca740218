package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.RelationField;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.ArrayList;
import java.util.List;

/** A required relation that leaves onDelete to the default (RESTRICT). */
public final class RequiredRelationWithoutOnDelete implements SchemaRule {
    public String id() { return "required-relation-without-on-delete"; }

    public LintSeverity defaultSeverity() { return LintSeverity.INFO; }

    public String summary() { return "a required relation without an explicit onDelete"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Finding> out = new ArrayList<>();
        schema.models().forEach(m -> {
            for (RelationField r : m.relationFields()) {
                if (!r.holdsForeignKey() || !r.isRequired() || r.span().file().text().substring(r.span().start(), r.span().end()).contains("onDelete")) continue;
                out.add(Findings.at(this, r.span(), "Relation " + m.name() + "." + r.name() + " does not say what happens when its " + r.targetModel()
                        + " is deleted.", "The default, RESTRICT, makes deleting a " + r.targetModel() + " with " + m.name()
                        + " rows fail at run time; that is often a surprise.", "Write the intent: `onDelete: Cascade`, `Restrict` or `SetNull` (with an optional key)."));
            }
        });
        return out;
    }
}
