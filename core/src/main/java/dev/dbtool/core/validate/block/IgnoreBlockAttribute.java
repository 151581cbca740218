package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @@ignore}: the table exists but generated code leaves it out. */
public final class IgnoreBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of(); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) { m.ignored = true; }
}
