package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.ScalarType;

/** {@code @hashed} (dbtool): stored as an argon2id hash, write-only. Salted hashes cannot be unique or defaulted. */
public final class HashedAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of(); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        f.hashed = true;
        if (f.kind != null && !f.isScalar(ScalarType.String)) {
            ctx.error(args.attribute().span(), "`@hashed` applies to String fields; `" + f.name + "` is " + f.kind.display() + ".");
        }
    }
}
