package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.IndexField;

/** {@code @@id([a, b], name?, map?)}: a compound primary key. */
public final class IdBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("fields", "name", "map", "length", "sort", "clustered"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        m.compoundIdWritten = true;
        args.required("fields");
        List<IndexField> refs = args.fieldReferences("fields");
        String name = args.string("name");
        String map = args.string("map");
        if (args.has("clustered")) ctx.error(args.spanOf("clustered"), "`clustered` is SQL Server-only.");
        if (refs == null) return;
        if (!FieldReferences.check(m, refs, args.attribute().span(), "@@id", true, ctx)) return;
        if (refs.stream().anyMatch(r -> r.sort() != null)) ctx.error(args.spanOf("fields"), dev.dbtool.core.validate.field.IdAttribute.PRIMARY_KEY_SORT);
        if (args.has("sort")) ctx.error(args.spanOf("sort"), dev.dbtool.core.validate.field.IdAttribute.PRIMARY_KEY_SORT);
        if (m.compoundId != null) {
            ctx.error(args.attribute().span(), "A model has one primary key: `@@id` is given twice on `" + m.name + "`.");
            return;
        }
        m.compoundId = refs;
        m.compoundIdName = name;
        m.compoundIdMap = map;
        m.compoundIdSpan = args.attribute().span();
    }
}
