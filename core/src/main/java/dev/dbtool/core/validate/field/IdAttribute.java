package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.SortOrder;

/** {@code @id}: the single-field primary key. Must be required and not a list; PostgreSQL has no {@code length}. */
public final class IdAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of("map", "sort", "length", "clustered"); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        f.id = true;
        f.idMap = args.string("map");
        String sort = args.constant("sort");
        if (sort != null) f.idSort = Sorts.parse(sort, args.spanOf("sort"), ctx);
        if (args.has("length")) ctx.error(args.spanOf("length"), "`length` is MySQL-only; PostgreSQL keys index whole values.");
        if (args.has("clustered")) ctx.error(args.spanOf("clustered"), "`clustered` is SQL Server-only.");
        if (f.arity == Arity.OPTIONAL) ctx.error(args.attribute().span(), "Fields marked `@id` must be required: `" + f.name + "` is optional.");
        if (f.arity == Arity.LIST) ctx.error(args.attribute().span(), "A list field cannot be the `@id`.");
    }
}
