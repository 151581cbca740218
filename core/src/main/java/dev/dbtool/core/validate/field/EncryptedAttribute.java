package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.ScalarType;

/** {@code @encrypted} (dbtool): AES-256-GCM at the application level; String or Bytes. */
public final class EncryptedAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of(); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        f.encrypted = true;
        if (f.kind != null && !f.isScalar(ScalarType.String) && !f.isScalar(ScalarType.Bytes)) {
            ctx.error(args.attribute().span(), "`@encrypted` applies to String and Bytes fields; `" + f.name + "` is "
                    + f.kind.display() + ".");
        }
    }
}
