package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @@fulltext} is MySQL and MongoDB only: reported, with the PostgreSQL way. */
public final class FulltextBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("fields", "map"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        ctx.error(args.attribute().span(), "`@@fulltext` is not supported on PostgreSQL; use `@@index([…], type: Gin)` on a tsvector column.");
    }
}
