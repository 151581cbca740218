package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.Index;
import dev.dbtool.core.model.IndexField;

/**
 * {@code @@index([a, b(sort: Desc)], name?, map?, type?, where?)}: {@code type} is the access method,
 * {@code where} (dbtool) the predicate of a partial index.
 */
public final class IndexBlockAttribute implements BlockAttributeRule {
    static final List<String> TYPES = List.of("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin");

    @Override public List<String> parameters() { return List.of("fields", "name", "map", "type", "where", "clustered"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        args.required("fields");
        List<IndexField> refs = args.fieldReferences("fields");
        String name = args.string("name");
        String map = args.string("map");
        String type = args.constant("type");
        String where = args.string("where");
        if (args.has("clustered")) ctx.error(args.spanOf("clustered"), "`clustered` is SQL Server-only.");
        if (type != null && !TYPES.contains(type)) {
            ctx.error(args.spanOf("type"), "Unknown index type `" + type + "`. PostgreSQL index types: " + String.join(", ", TYPES) + ".");
            type = null;
        }
        if (where != null && where.isBlank()) ctx.error(args.spanOf("where"), "`where` needs a SQL predicate, as in `where: \"deleted_at IS NULL\"`.");
        if (refs == null || !FieldReferences.check(m, refs, args.attribute().span(), "@@index", false, ctx)) return;
        m.indexes.add(new Index(false, refs, map, name, type, where));
    }
}
