package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Attribute;
import dev.dbtool.core.ast.BlockKind;
import dev.dbtool.core.ast.FieldType;
import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.Datasource;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.ScalarType;
import dev.dbtool.core.parser.Suggestions;
import dev.dbtool.core.validate.field.NativeTypeAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** A model or view block: its fields and their attributes, then its block attributes, then model-wide checks. */
final class ModelReader {
    private final ValidationContext ctx;
    private final Declarations declarations;

    ModelReader(ValidationContext ctx) {
        this.ctx = ctx;
        this.declarations = ctx.declarations();
    }

    ModelDraft read(Top.Block b, String doc, Datasource datasource) {
        ModelDraft m = new ModelDraft(b, doc);
        List<Member.BlockAttribute> blockAttributes = new ArrayList<>();
        List<Member> members = b.members();
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member instanceof Member.Field f) {
                FieldDraft d = field(m, f, Docs.forMember(members, i));
                if (d != null) m.fields.put(d.name, d);
            } else if (member instanceof Member.BlockAttribute a) {
                blockAttributes.add(a);
            }
        }
        Set<String> seen = new HashSet<>();
        for (Member.BlockAttribute ba : blockAttributes) {
            Attribute a = ba.attribute();
            BlockAttributeRule rule = AttributeRegistry.MODEL.get(a.name());
            if (rule == null) {
                unknownAttribute(a, AttributeRegistry.MODEL.keySet().stream().map(n -> "@@" + n).toList());
                continue;
            }
            boolean repeatable = a.name().equals("unique") || a.name().equals("index") || a.name().equals("check");
            if (!repeatable && !seen.add(a.name())) {
                ctx.error(a.nameSpan(), "`" + a.display() + "` can only be given once on " + m.kindWord() + " `" + m.name + "`.");
                continue;
            }
            rule.apply(m, new AttributeArguments(a, rule.parameters(), ctx), ctx);
        }
        checkIds(m);
        checkColumnNames(m);
        checkSchema(m, datasource);
        return m;
    }

    private FieldDraft field(ModelDraft m, Member.Field f, String doc) {
        FieldType t = f.type();
        if (t == null) return null;
        String name = f.name().name();
        if (m.fields.containsKey(name)) {
            ctx.error(f.name().span(), "Field `" + name + "` is already defined on " + m.kindWord() + " `" + m.name + "`.");
            return null;
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            ctx.error(f.name().span(), "The field name `" + name + "` is invalid: use letters, digits and underscores, starting with a letter.");
        }
        Arity arity = t.list() ? Arity.LIST : t.optional() ? Arity.OPTIONAL : Arity.REQUIRED;
        if (t.list() && t.optional()) {
            ctx.error(t.span(), "Optional lists are not supported. Use either `" + t.name() + "[]` or `" + t.name() + "?`.");
        }
        FieldDraft d = new FieldDraft(f, arity, doc);
        resolveType(d, t);
        applyAttributes(d, f.attributes());
        return d;
    }

    void resolveType(FieldDraft d, FieldType t) {
        if (t.unsupported() != null) {
            d.kind = new FieldKind.Unsupported(unquote(t.unsupported()));
            return;
        }
        var scalar = ScalarType.fromName(t.name());
        if (scalar.isPresent()) {
            d.kind = new FieldKind.Scalar(scalar.get());
            return;
        }
        Top.Block target = declarations.get(t.name());
        if (target == null) {
            if (t.name().equals("Unsupported")) {
                ctx.error(t.span(), "`Unsupported` takes the database type as a string, as in `Unsupported(\"circle\")`.");
                return;
            }
            List<String> candidates = Stream.concat(Stream.of(ScalarType.values()).map(Enum::name), declarations.types().keySet().stream()).toList();
            String hint = Suggestions.closest(t.name(), candidates);
            ctx.error(TypeNameSpan.of(t), "Type `" + t.name() + "` is neither a built-in type nor a model, view or enum of this schema."
                    + (hint != null ? " Did you mean `" + hint + "`?" : ""));
            return;
        }
        switch (target.kind()) {
            case ENUM -> d.kind = new FieldKind.Enum(t.name());
            case MODEL, VIEW -> d.relationTarget = t.name();
            case TYPE -> ctx.error(TypeNameSpan.of(t), "Composite types are not supported on PostgreSQL: make `" + t.name()
                    + "` a model with a relation, or use a Json field.");
            case JOB -> ctx.error(TypeNameSpan.of(t), "`" + t.name() + "` is a job; fields cannot have a job type.");
            default -> ctx.error(TypeNameSpan.of(t), "`" + t.name() + "` is not a type.");
        }
    }

    private static String unquote(String raw) {
        return raw.length() >= 2 ? raw.substring(1, raw.length() - 1) : raw;
    }

    /** Applies field attributes in registry order (so {@code @default} sees {@code @hashed}), reporting unknown and repeated ones. */
    void applyAttributes(FieldDraft d, List<Attribute> attributes) {
        Map<String, Attribute> byName = new HashMap<>();
        boolean nativeSeen = false;
        for (Attribute a : attributes) {
            d.attributeSpans.putIfAbsent(a.name(), a.span());
            int dot = a.name().indexOf('.');
            if (dot > 0) {
                if (nativeSeen) {
                    ctx.error(a.nameSpan(), "A field has at most one native type; `" + a.display() + "` is a second one.");
                    continue;
                }
                nativeSeen = true;
                if (d.isRelation()) {
                    ctx.error(a.nameSpan(), "Native types belong on scalar fields, not on the relation field `" + d.name + "`.");
                    continue;
                }
                NativeTypeAttribute.apply(d, a, a.name().substring(0, dot), a.name().substring(dot + 1), ctx);
                continue;
            }
            FieldAttributeRule rule = AttributeRegistry.FIELD.get(a.name());
            if (rule == null) {
                unknownAttribute(a, AttributeRegistry.FIELD.keySet().stream().map(n -> "@" + n).toList());
                continue;
            }
            if (byName.putIfAbsent(a.name(), a) != null) {
                ctx.error(a.nameSpan(), "Attribute `" + a.display() + "` can only be defined once on field `" + d.name + "`.");
                continue;
            }
            if (d.isRelation() && !rule.allowedOnRelationFields()) {
                ctx.error(a.nameSpan(), "`" + a.display() + "` cannot be used on the relation field `" + d.name + "`"
                        + (a.name().equals("id") || a.name().equals("unique") || a.name().equals("default") || a.name().equals("map")
                        ? "; put it on the scalar field that holds the foreign key." : "."));
            }
        }
        for (Map.Entry<String, FieldAttributeRule> e : AttributeRegistry.FIELD.entrySet()) {
            Attribute a = byName.get(e.getKey());
            if (a == null) continue;
            FieldAttributeRule rule = e.getValue();
            if (d.isRelation() && !rule.allowedOnRelationFields()) continue;
            AttributeArguments args = rule.bindsOwnArguments() ? AttributeArguments.unbound(a, ctx)
                    : new AttributeArguments(a, rule.parameters(), ctx);
            rule.apply(d, args, ctx);
        }
        if (d.hashed && d.encrypted) {
            ctx.error(d.span(), "Field `" + d.name + "` is both `@hashed` and `@encrypted`; choose one (hashed for secrets you only verify, encrypted for data you read back).");
        }
        if (d.id && d.unique) {
            ctx.warning(d.attributeSpans.get("unique"), "`@unique` on the `@id` field `" + d.name + "` adds a second, redundant index; the primary key is already unique.");
        }
        if ((d.hashed || d.encrypted) && (d.id || d.unique)) {
            ctx.error(d.span(), "Field `" + d.name + "` cannot be `" + (d.id ? "@id" : "@unique") + "` and `" + (d.hashed ? "@hashed" : "@encrypted")
                    + "`: stored values are randomised (salted or with a fresh nonce), so uniqueness means nothing.");
        }
    }

    private void unknownAttribute(Attribute a, List<String> known) {
        String hint = Suggestions.closest(a.display(), known);
        ctx.error(a.nameSpan(), "Attribute not known: `" + a.display() + "`." + (hint != null ? " Did you mean `" + hint + "`?" : ""));
    }

    private void checkIds(ModelDraft m) {
        List<FieldDraft> ids = m.fields.values().stream().filter(f -> f.id).toList();
        for (FieldDraft extra : ids.subList(Math.min(1, ids.size()), ids.size())) {
            ctx.error(extra.attributeSpans.get("id"), "At most one field can be `@id`; for a compound primary key use `@@id([" + ids.stream()
                    .map(f -> f.name).reduce((a, b) -> a + ", " + b).orElse("") + "])`.");
        }
        if (!ids.isEmpty() && m.compoundId != null) {
            ctx.error(m.compoundIdSpan, "Model `" + m.name + "` has both `@id` (on `" + ids.get(0).name + "`) and `@@id`: a model has one primary key.");
        }
        if (m.view || m.ignored || !ids.isEmpty() || m.compoundIdWritten) return;
        boolean hasUnique = m.fields.values().stream().anyMatch(f -> f.unique && f.arity == Arity.REQUIRED && !f.isRelation())
                || m.indexes.stream().anyMatch(ix -> ix.unique() && ix.fields().stream()
                .allMatch(r -> m.fields.get(r.field()) != null && m.fields.get(r.field()).arity == Arity.REQUIRED));
        if (!hasUnique) {
            ctx.error(m.ast.name().span(), "Model `" + m.name + "` has no unique criterion: mark a required field `@id` or `@unique`, "
                    + "or add `@@id([…])` or `@@unique([…])` over required fields.");
        }
    }

    private void checkColumnNames(ModelDraft m) {
        Map<String, FieldDraft> columns = new HashMap<>();
        for (FieldDraft f : m.fields.values()) {
            if (f.isRelation() || f.kind == null) continue;
            FieldDraft other = columns.putIfAbsent(f.columnName, f);
            if (other != null) {
                ctx.error(f.span(), "Fields `" + other.name + "` and `" + f.name + "` of " + m.kindWord() + " `" + m.name
                        + "` both map to the column `" + f.columnName + "`.");
            }
        }
    }

    private void checkSchema(ModelDraft m, Datasource ds) {
        List<String> schemas = ds == null ? List.of() : ds.schemas();
        if (m.schema == null) {
            if (!schemas.isEmpty()) ctx.error(m.ast.name().span(), "The datasource lists `schemas`, so " + m.kindWord() + " `" + m.name
                    + "` needs `@@schema(\"…\")` (one of: " + String.join(", ", schemas) + ").");
            return;
        }
        if (schemas.isEmpty()) {
            ctx.error(m.schemaSpan, "`@@schema` needs the datasource to list its schemas: add `schemas = [\"" + m.schema + "\"]` to it.");
        } else if (!schemas.contains(m.schema)) {
            ctx.error(m.schemaSpan, "The schema `" + m.schema + "` is not listed in the datasource's `schemas` (" + String.join(", ", schemas) + ").");
        }
    }

}
