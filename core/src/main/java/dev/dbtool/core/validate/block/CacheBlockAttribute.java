package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @@cache(ttl: seconds)} (dbtool): reads go through the Redis cache. */
public final class CacheBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("ttl"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        args.required("ttl");
        Long ttl = args.integer("ttl", 1, 31_536_000);
        if (ttl != null) m.cacheTtl = ttl.intValue();
    }
}
