package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.Index;
import dev.dbtool.core.model.IndexField;

/** {@code @@unique([a, b], name?, map?)}: a compound unique constraint. */
public final class UniqueBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("fields", "name", "map", "length", "sort", "clustered"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        args.required("fields");
        List<IndexField> refs = args.fieldReferences("fields");
        String name = args.string("name");
        String map = args.string("map");
        if (args.has("clustered")) ctx.error(args.spanOf("clustered"), "`clustered` is SQL Server-only.");
        if (refs == null || !FieldReferences.check(m, refs, args.attribute().span(), "@@unique", false, ctx)) return;
        m.indexes.add(new Index(true, refs, map, name, null, null, args.attribute().span()));
    }
}
