package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Field;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.ArrayList;
import java.util.List;

/** Field names in camelCase: they become Java record components and GraphQL fields. */
public final class FieldNameCase implements SchemaRule {
    public String id() { return "field-name-case"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "a field name not in camelCase"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Finding> out = new ArrayList<>();
        schema.models().forEach(m -> {
            for (Field f : m.fields()) {
                if (f.name().matches("[a-z][A-Za-z0-9]*")) continue;
                String camel = camel(f.name());
                out.add(Findings.at(this, f.span(), "Field name " + m.name() + "." + f.name() + " is not camelCase.",
                        "Field names become Java components and GraphQL fields, where snake_case reads as foreign.",
                        "Rename it to `" + camel + "` and keep the column with `@map(\"" + f.name() + "\")`."));
            }
        });
        return out;
    }

    static String camel(String s) {
        String p = ModelNameCase.pascal(s);
        return p.isEmpty() ? s : Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }
}
