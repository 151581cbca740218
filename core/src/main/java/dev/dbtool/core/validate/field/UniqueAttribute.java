package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @unique}: a single-field unique constraint. */
public final class UniqueAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return KeyOptions.PARAMETERS; }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        KeyOptions options = KeyOptions.read(f, args, ctx, "`@unique`");
        f.unique = true;
        f.uniqueMap = options.map();
        f.uniqueSort = options.sort();
    }
}
