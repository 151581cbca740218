package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @@seed(count: n)} (dbtool): how many rows {@code dbtool seed} makes. */
public final class SeedBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("count"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        args.required("count");
        Long n = args.integer("count", 0, 100_000_000);
        if (n != null) m.seedCount = n.intValue();
    }
}
