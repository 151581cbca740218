package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @map("column")}: the column name. */
public final class MapAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of("name"); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        String name = args.requiredString("name");
        if (name == null) return;
        if (name.isEmpty()) ctx.error(args.spanOf("name"), "The database name in `@map` must not be empty.");
        else f.columnName = name;
    }

    @Override public boolean allowedOnRelationFields() { return false; }
}
