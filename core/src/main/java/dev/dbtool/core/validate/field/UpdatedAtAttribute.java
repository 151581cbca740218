package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.ScalarType;

/** {@code @updatedAt}: set to the current time by the generated client on every update; DateTime only. */
public final class UpdatedAtAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of(); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        f.updatedAt = true;
        if (f.kind != null && !f.isScalar(ScalarType.DateTime)) {
            ctx.error(args.attribute().span(), "Fields marked `@updatedAt` must be of type DateTime: `" + f.name + "` is "
                    + f.kind.display() + ".");
        }
        if (f.arity == dev.dbtool.core.model.Arity.LIST) ctx.error(args.attribute().span(), "A list field cannot be `@updatedAt`.");
    }
}
