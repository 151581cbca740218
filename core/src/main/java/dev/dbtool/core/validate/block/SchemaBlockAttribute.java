package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @@schema("name")}: the PostgreSQL schema; must be listed in the datasource's {@code schemas}. */
public final class SchemaBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("name"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        String name = args.requiredString("name");
        if (name == null) return;
        m.schema = name;
        m.schemaSpan = args.spanOf("name");
    }
}
