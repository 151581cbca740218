package dev.dbtool.core.validate.field;

import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.SortOrder;
import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** The arguments {@code @id} and {@code @unique} share: {@code map}, {@code sort}, and the non-PostgreSQL ones. */
record KeyOptions(String map, SortOrder sort) {
    static final List<String> PARAMETERS = List.of("map", "sort", "length", "clustered");

    static KeyOptions read(FieldDraft f, AttributeArguments args, ValidationContext ctx, String what) {
        String sortText = args.constant("sort");
        SortOrder sort = sortText == null ? null : Sorts.parse(sortText, args.spanOf("sort"), ctx);
        if (args.has("length")) ctx.error(args.spanOf("length"), "`length` is MySQL-only; PostgreSQL indexes whole values.");
        if (args.has("clustered")) ctx.error(args.spanOf("clustered"), "`clustered` is SQL Server-only.");
        if (f.arity == Arity.LIST) ctx.error(args.attribute().span(), "A list field cannot be " + what + ".");
        return new KeyOptions(args.string("map"), sort);
    }
}
