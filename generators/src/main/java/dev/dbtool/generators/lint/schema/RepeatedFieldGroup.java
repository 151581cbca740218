package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The same three or more fields (name and type, ids and timestamps aside) in several models: a missing table. */
public final class RepeatedFieldGroup implements SchemaRule {
    private static final Set<String> COMMON = Set.of("id", "createdAt", "updatedAt", "deletedAt");

    public String id() { return "repeated-field-group"; }

    public LintSeverity defaultSeverity() { return LintSeverity.INFO; }

    public String summary() { return "a group of fields repeated across models (is the schema normalised?)"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Finding> out = new ArrayList<>();
        List<Model> models = schema.models().stream().filter(m -> !m.view()).toList();
        for (int i = 0; i < models.size(); i++) {
            for (int k = i + 1; k < models.size(); k++) {
                Set<String> a = signature(models.get(i));
                a.retainAll(signature(models.get(k)));
                if (a.size() < 3) continue;
                List<String> names = a.stream().map(s -> s.substring(0, s.indexOf(':'))).toList();
                out.add(Findings.at(this, models.get(k).span(), "Models " + models.get(i).name() + " and " + models.get(k).name() + " both have "
                        + String.join(", ", names) + ".", "Repeated groups drift apart and cannot be queried together: the fact they describe has no table.",
                        "Move them to a model of their own (e.g. an Address) and relate both models to it."));
            }
        }
        return out;
    }

    private static Set<String> signature(Model m) {
        Set<String> s = new LinkedHashSet<>();
        for (ScalarField f : m.scalarFields()) {
            if (COMMON.contains(f.name()) || f.name().endsWith("Id")) continue;
            s.add(f.name() + ":" + f.kind().display());
        }
        return s;
    }
}
