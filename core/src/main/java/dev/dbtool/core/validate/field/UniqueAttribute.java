package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.Arity;

/** {@code @unique}: a single-field unique constraint. */
public final class UniqueAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of("map", "sort", "length", "clustered"); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        f.unique = true;
        f.uniqueMap = args.string("map");
        String sort = args.constant("sort");
        if (sort != null) f.uniqueSort = Sorts.parse(sort, args.spanOf("sort"), ctx);
        if (args.has("length")) ctx.error(args.spanOf("length"), "`length` is MySQL-only; PostgreSQL indexes whole values.");
        if (args.has("clustered")) ctx.error(args.spanOf("clustered"), "`clustered` is SQL Server-only.");
        if (f.arity == Arity.LIST) ctx.error(args.attribute().span(), "A list field cannot be `@unique`.");
    }
}
