package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.ReferentialAction;
import java.util.Arrays;

/** {@code @relation(name?, fields, references, onDelete, onUpdate, map)}: read here, checked across models later. */
public final class RelationAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of("name", "fields", "references", "onDelete", "onUpdate", "map"); }

    @Override public boolean allowedOnRelationFields() { return true; }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        if (!f.isRelation()) {
            if (f.kind != null) ctx.error(args.attribute().span(), "`@relation` belongs on a field whose type is a model; `"
                    + f.name + "` is " + f.kind.display() + ".");
            return;
        }
        f.relationSpan = args.attribute().span();
        f.relationName = args.string("name");
        if (f.relationName != null && f.relationName.isEmpty()) ctx.error(args.spanOf("name"), "A relation name must not be empty.");
        var fields = args.fieldReferences("fields");
        var references = args.fieldReferences("references");
        if (fields != null) f.relationFields = fields.stream().map(x -> x.field()).toList();
        if (references != null) f.relationReferences = references.stream().map(x -> x.field()).toList();
        f.onDelete = action(args, "onDelete", ctx);
        f.onUpdate = action(args, "onUpdate", ctx);
        if (f.onDelete != null) f.onDeleteSpan = args.spanOf("onDelete");
        f.foreignKeyName = args.string("map");
    }

    private static ReferentialAction action(AttributeArguments args, String name, ValidationContext ctx) {
        String value = args.constant(name);
        if (value == null) return null;
        return ReferentialAction.fromName(value).orElseGet(() -> {
            ctx.error(args.spanOf(name), "Invalid referential action `" + value + "`. Allowed: "
                    + String.join(", ", Arrays.stream(ReferentialAction.values()).map(Enum::name).toList()) + ".");
            return null;
        });
    }
}
