package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @@map("table")}: the table (or view, or enum type) name in the database. */
public final class MapBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("name"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        String name = args.requiredString("name");
        if (name == null) return;
        if (name.isEmpty()) ctx.error(args.spanOf("name"), "The database name in `@@map` must not be empty.");
        else m.tableName = name;
    }
}
