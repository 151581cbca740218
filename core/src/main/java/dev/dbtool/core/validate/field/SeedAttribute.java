package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @seed("datafaker expression")} (dbtool): how {@code dbtool seed} fills the field. */
public final class SeedAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of("expression"); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        String e = args.requiredString("expression");
        if (e != null && e.isBlank()) ctx.error(args.spanOf("expression"), "`@seed` needs a Datafaker expression, as in `@seed(\"#{Name.firstName}\")`.");
        f.seed = e;
    }
}
