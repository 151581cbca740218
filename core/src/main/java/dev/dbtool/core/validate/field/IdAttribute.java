package dev.dbtool.core.validate.field;

import dev.dbtool.core.model.Arity;
import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @id}: the single-field primary key. Must be required and not a list. */
public final class IdAttribute implements FieldAttributeRule {
    /** PostgreSQL primary keys have no column order (Prisma refuses it too). */
    public static final String PRIMARY_KEY_SORT = "`sort` is not supported on a primary key in PostgreSQL; its index is always ascending. "
            + "Add a separate `@@index([…(sort: Desc)])` if queries need the other order.";

    @Override public List<String> parameters() { return KeyOptions.PARAMETERS; }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        KeyOptions options = KeyOptions.read(f, args, ctx, "the `@id`");
        f.id = true;
        f.idMap = options.map();
        f.idSort = options.sort();
        if (options.sort() != null) ctx.error(args.spanOf("sort"), PRIMARY_KEY_SORT);
        if (f.arity == Arity.OPTIONAL) ctx.error(args.attribute().span(), "Fields marked `@id` must be required: `" + f.name + "` is optional.");
    }
}
