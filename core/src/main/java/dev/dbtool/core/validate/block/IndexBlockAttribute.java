package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.Index;
import dev.dbtool.core.model.IndexField;
import dev.dbtool.core.physical.OperatorClasses;

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
        // On @@index, `name` is the old spelling of `map` (the index's database name), as in Prisma.
        if (name != null && map != null) {
            ctx.error(args.spanOf("name"), "`@@index` takes `name` only as the old spelling of `map` (the index's database name); give just `map`.");
        }
        String databaseName = map != null ? map : name;
        if (refs == null || !FieldReferences.check(m, refs, args.attribute().span(), "@@index", false, ctx)) return;
        checkOperatorClasses(refs, type == null ? "BTree" : type, args, ctx);
        m.indexes.add(new Index(false, refs, databaseName, null, type, where, args.attribute().span()));
    }

    /** A named operator class belongs to one index type: {@code JsonbPathOps} needs {@code type: Gin}. */
    private static void checkOperatorClasses(List<IndexField> refs, String type, AttributeArguments args, ValidationContext ctx) {
        for (IndexField f : refs) {
            OperatorClasses.Known k = f.operatorClass() == null ? null : OperatorClasses.named(f.operatorClass());
            if (k != null && !k.indexTypes().contains(type)) {
                ctx.error(args.spanOf("fields"), "The operator class `" + k.name() + "` on `" + f.field() + "` is for " + String.join(" and ", k.indexTypes())
                        + " indexes; add `type: " + k.indexTypes().get(0) + "`" + (type.equals("BTree") ? "" : " instead of `type: " + type + "`") + ".");
            }
        }
    }
}
