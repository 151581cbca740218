package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.List;

/** Model names in PascalCase: they become Java classes and GraphQL types. */
public final class ModelNameCase implements SchemaRule {
    public String id() { return "model-name-case"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "a model name not in PascalCase"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        return schema.models().stream().filter(m -> !m.name().matches("[A-Z][A-Za-z0-9]*"))
                .map(m -> Findings.at(this, m.span(), "Model name " + m.name() + " is not PascalCase.",
                        "Model names become Java classes and GraphQL types; mixed styles make generated APIs inconsistent.",
                        "Rename it (e.g. `" + pascal(m.name()) + "`) and keep the table with `@@map(\"" + m.tableName() + "\")`."))
                .toList();
    }

    static String pascal(String s) {
        StringBuilder b = new StringBuilder();
        for (String part : s.split("_")) if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b.toString();
    }
}
