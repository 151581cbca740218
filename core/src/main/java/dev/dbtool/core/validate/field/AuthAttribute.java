package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @auth("scope")} (dbtool): the GraphQL scope needed to read this field. */
public final class AuthAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of("scope"); }

    @Override public boolean allowedOnRelationFields() { return true; }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        String scope = args.requiredString("scope");
        if (scope != null && scope.isBlank()) ctx.error(args.spanOf("scope"), "`@auth` needs a non-empty scope.");
        f.authScope = scope;
    }
}
