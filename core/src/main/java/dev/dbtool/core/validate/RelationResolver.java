package dev.dbtool.core.validate;

import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.IndexField;
import dev.dbtool.core.model.ReferentialAction;
import dev.dbtool.core.parser.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pairs every relation field with its opposite and checks the pair the way Prisma does: names, ambiguity,
 * {@code fields}/{@code references}, uniqueness of the referenced and (1:1) referencing fields, optionality,
 * referential actions. Sets the effective relation name and actions on the drafts and returns the relations.
 */
final class RelationResolver {
    private final Map<String, ModelDraft> models;
    private final ValidationContext ctx;
    private final Set<FieldDraft> done = new HashSet<>();
    /** The pairs, frozen later into relation records once both sides are final. */
    final List<FieldDraft[]> pairs = new ArrayList<>();

    /** {@code relationMode = "prisma"}: no foreign keys in the database, so nothing indexes the key columns for free. */
    private final boolean emulated;

    RelationResolver(Map<String, ModelDraft> models, ValidationContext ctx, boolean emulated) {
        this.models = models;
        this.ctx = ctx;
        this.emulated = emulated;
    }

    void resolve() {
        for (ModelDraft m : models.values()) {
            for (FieldDraft f : m.fields.values()) {
                if (!f.isRelation() || done.contains(f)) continue;
                ModelDraft target = models.get(f.relationTarget);
                if (target == null) continue;
                pair(m, f, target);
            }
        }
    }

    private void pair(ModelDraft m, FieldDraft f, ModelDraft target) {
        List<FieldDraft> sameSide = m.fields.values().stream()
                .filter(x -> x.isRelation() && x.relationTarget.equals(target.name) && Objects.equals(x.relationName, f.relationName)).toList();
        boolean self = m == target;
        if (!self && sameSide.size() > 1 || self && sameSide.size() > 2) {
            done.addAll(sameSide);
            ctx.error(f.ast.name().span(), "Ambiguous relation detected. The fields " + names(sameSide) + " in model `" + m.name
                    + "` all refer to `" + target.name + "`. Give each relation its own name with `@relation(\"…\")` on both sides.");
            return;
        }
        FieldDraft back;
        if (self) {
            back = sameSide.stream().filter(x -> x != f).findFirst().orElse(null);
        } else {
            List<FieldDraft> opposite = target.fields.values().stream()
                    .filter(x -> x.isRelation() && x.relationTarget.equals(m.name) && Objects.equals(x.relationName, f.relationName)).toList();
            if (opposite.size() > 1) {
                done.addAll(opposite);
                done.add(f);
                ctx.error(opposite.get(1).ast.name().span(), "Ambiguous relation detected. The fields " + names(opposite) + " in model `"
                        + target.name + "` all refer to `" + m.name + "`. Give each relation its own name with `@relation(\"…\")` on both sides.");
                return;
            }
            back = opposite.isEmpty() ? null : opposite.get(0);
        }
        done.add(f);
        if (back == null) {
            String suggestion = f.arity == Arity.LIST
                    ? lower(m.name) + " " + m.name + " @relation(fields: [" + lower(m.name) + "Id], references: [id])"
                    : lower(m.name) + "s " + m.name + "[]";
            ctx.error(f.ast.name().span(), "The relation field `" + f.name + "` on " + m.kindWord() + " `" + m.name + "` is missing an opposite "
                    + "relation field on " + target.kindWord() + " `" + target.name + "`"
                    + (f.relationName != null ? " with `@relation(\"" + f.relationName + "\")`" : "")
                    + ". Add one, for example `" + suggestion + (f.relationName != null ? " @relation(\"" + f.relationName + "\")" : "") + "`.");
            return;
        }
        done.add(back);
        String name = f.relationName != null ? f.relationName : defaultName(m.name, target.name);
        f.relationName = name;
        back.relationName = name;
        if (f.arity == Arity.LIST && back.arity == Arity.LIST) {
            manyToMany(m, f, target, back);
        } else if (f.arity == Arity.LIST) {
            oneToMany(target, back, m, f);
        } else if (back.arity == Arity.LIST) {
            oneToMany(m, f, target, back);
        } else {
            oneToOne(m, f, target, back);
        }
    }

    private void manyToMany(ModelDraft a, FieldDraft fa, ModelDraft b, FieldDraft fb) {
        for (FieldDraft side : List.of(fa, fb)) {
            if (!side.relationFields.isEmpty() || !side.relationReferences.isEmpty()) {
                ctx.error(side.relationSpan, "Implicit many-to-many relations take no `fields` or `references`; drop them from `"
                        + side.name + "` (or model the join table explicitly).");
                return;
            }
            if (side.onDelete != null || side.onUpdate != null) {
                ctx.error(side.relationSpan, "Implicit many-to-many relations take no referential actions; the join table always cascades.");
                return;
            }
        }
        for (ModelDraft m : List.of(a, b)) {
            if (singleIdField(m) == null) {
                ctx.error((m == a ? fa : fb).ast.name().span(), "Model `" + m.name + "` has no single-field `@id`, so it cannot be part of an "
                        + "implicit many-to-many relation. Use an explicit join model instead.");
                return;
            }
        }
        pairs.add(a.name.compareTo(b.name) <= 0 ? new FieldDraft[] {fa, fb} : new FieldDraft[] {fb, fa});
    }

    private void oneToMany(ModelDraft owner, FieldDraft of, ModelDraft many, FieldDraft mf) {
        if (!mf.relationFields.isEmpty() || !mf.relationReferences.isEmpty() || mf.onDelete != null || mf.onUpdate != null) {
            ctx.error(mf.relationSpan, "The list side `" + mf.name + "` of a one-to-many relation takes no `fields`, `references` or "
                    + "referential actions; put them on `" + of.name + "` in " + owner.kindWord() + " `" + owner.name + "`.");
        }
        if (of.relationFields.isEmpty() && of.relationReferences.isEmpty()) {
            ctx.error(of.ast.name().span(), "The relation field `" + of.name + "` on " + owner.kindWord() + " `" + owner.name + "` needs "
                    + "`@relation(fields: [...], references: [...])` to say which of its fields hold the key of `" + many.name + "`.");
            return;
        }
        foreignKey(owner, of, many, false);
        pairs.add(new FieldDraft[] {of, mf});
    }

    private void oneToOne(ModelDraft a, FieldDraft fa, ModelDraft b, FieldDraft fb) {
        boolean aHolds = !fa.relationFields.isEmpty() || !fa.relationReferences.isEmpty();
        boolean bHolds = !fb.relationFields.isEmpty() || !fb.relationReferences.isEmpty();
        if (aHolds && bHolds) {
            ctx.error(fb.relationSpan, "Both sides of the one-to-one relation `" + a.name + "." + fa.name + "` ↔ `" + b.name + "." + fb.name
                    + "` give `fields`/`references`; give them on one side only (the side that holds the foreign key).");
            return;
        }
        if (!aHolds && !bHolds) {
            ctx.error(fa.ast.name().span(), "Neither side of the one-to-one relation `" + a.name + "." + fa.name + "` ↔ `" + b.name + "."
                    + fb.name + "` gives `fields` and `references`; add them on the side that holds the foreign key.");
            return;
        }
        FieldDraft owner = aHolds ? fa : fb;
        FieldDraft back = aHolds ? fb : fa;
        ModelDraft ownerModel = aHolds ? a : b;
        ModelDraft backModel = aHolds ? b : a;
        if (back.onDelete != null || back.onUpdate != null) {
            ctx.error(back.relationSpan, "Referential actions belong on the side with `fields` (`" + ownerModel.name + "." + owner.name + "`).");
        }
        if (back.arity == Arity.REQUIRED && ownerModel != backModel) {
            ctx.error(back.ast.name().span(), "The relation field `" + back.name + "` on model `" + backModel.name + "` must be optional (`"
                    + ownerModel.name + "?`): the database cannot require that a row on the other side exists.");
        }
        if (foreignKey(ownerModel, owner, backModel, true)) pairs.add(new FieldDraft[] {owner, back});
    }

    /** Checks fields/references of the side that holds the key; sets the effective actions. */
    private boolean foreignKey(ModelDraft owner, FieldDraft f, ModelDraft target, boolean oneToOne) {
        if (f.relationFields.isEmpty() != f.relationReferences.isEmpty()) {
            ctx.error(f.relationSpan, "`@relation` on `" + f.name + "` needs both `fields` and `references`.");
            return false;
        }
        if (f.relationFields.size() != f.relationReferences.size()) {
            ctx.error(f.relationSpan, "`@relation` on `" + f.name + "` lists " + f.relationFields.size() + " field(s) but "
                    + f.relationReferences.size() + " reference(s); give the same number of each.");
            return false;
        }
        List<FieldDraft> local = scalarFields(owner, f.relationFields, "fields", f);
        List<FieldDraft> remote = scalarFields(target, f.relationReferences, "references", f);
        boolean ok = local != null && remote != null;
        if (!ok) return false;
        for (int i = 0; i < local.size(); i++) {
            FieldDraft l = local.get(i);
            FieldDraft r = remote.get(i);
            if (l.kind != null && r.kind != null && !sameType(l.kind, r.kind)) {
                ctx.error(f.relationSpan, "The type of `" + owner.name + "." + l.name + "` (" + l.kind.display() + ") does not match the type of "
                        + "the referenced field `" + target.name + "." + r.name + "` (" + r.kind.display() + ").");
                ok = false;
            }
        }
        if (!isUnique(target, f.relationReferences)) {
            ctx.error(f.relationSpan, "`references` on `" + f.name + "` must name a unique criterion of model `" + target.name
                    + "` (its `@id`, a `@unique` field or a `@@unique`); [" + String.join(", ", f.relationReferences) + "] is not one.");
            ok = false;
        }
        if (oneToOne && !isUnique(owner, f.relationFields)) {
            ctx.error(f.relationSpan, "A one-to-one relation needs its foreign key to be unique: add `@unique` to `" + String.join("`, `", f.relationFields)
                    + "`" + (f.relationFields.size() > 1 ? " together with `@@unique`" : "") + ", or make `" + target.name + "` hold a list.");
            ok = false;
        }
        boolean anyOptional = local.stream().anyMatch(x -> x.arity == Arity.OPTIONAL);
        if (anyOptional && f.arity == Arity.REQUIRED) {
            ctx.error(f.ast.name().span(), "The relation field `" + f.name + "` is required but its key field(s) "
                    + local.stream().filter(x -> x.arity == Arity.OPTIONAL).map(x -> "`" + x.name + "`").toList() + " are optional; make `"
                    + f.name + "` optional too (`" + target.name + "?`) or the key fields required.");
            ok = false;
        } else if (!anyOptional && f.arity == Arity.OPTIONAL && !local.isEmpty()) {
            // Prisma accepts this (the key is always set, so the relation is in fact required): a warning, not an error.
            ctx.warning(f.ast.name().span(), "The relation field `" + f.name + "` is optional but its key field(s) are all required, so every row "
                    + "has a `" + target.name + "`; consider making `" + f.name + "` required (`" + target.name + "`) or a key field optional.");
        }
        boolean allOptional = !local.isEmpty() && local.stream().allMatch(x -> x.arity == Arity.OPTIONAL);
        if (f.onDelete == ReferentialAction.SetNull && !allOptional) {
            ctx.warning(f.onDeleteSpan, "`onDelete: SetNull` needs optional key fields, but "
                    + String.join(", ", local.stream().filter(x -> x.arity != Arity.OPTIONAL).map(x -> x.name).toList())
                    + " " + (local.stream().filter(x -> x.arity != Arity.OPTIONAL).count() > 1 ? "are" : "is")
                    + " required: deleting the referenced row will fail.");
        }
        if ((f.onDelete == ReferentialAction.SetDefault || f.onUpdate == ReferentialAction.SetDefault)
                && local.stream().anyMatch(x -> x.defaultValue == null)) {
            ctx.warning(f.relationSpan, "`SetDefault` on `" + f.name + "` but its key field(s) have no `@default`: PostgreSQL will set NULL, "
                    + "which fails for required fields.");
        }
        if (emulated && !indexed(owner, f.relationFields)) {
            ctx.warning(f.relationSpan, "With `relationMode = \"prisma\"` there is no foreign key, so nothing indexes ["
                    + String.join(", ", f.relationFields) + "] of `" + owner.name + "`: lookups of this relation scan the table. "
                    + "Add `@@index([" + String.join(", ", f.relationFields) + "])` (Prisma warns about this too).");
        }
        // Prisma's default: SET NULL only when every key column can be null, RESTRICT otherwise.
        if (f.onDelete == null) f.onDelete = allOptional ? ReferentialAction.SetNull : ReferentialAction.Restrict;
        if (f.onUpdate == null) f.onUpdate = ReferentialAction.Cascade;
        return ok;
    }

    /** The named scalar fields of a model, or null after reporting each name that is not one. */
    private List<FieldDraft> scalarFields(ModelDraft m, List<String> names, String argument, FieldDraft f) {
        List<FieldDraft> out = new ArrayList<>();
        boolean ok = true;
        for (String n : names) {
            FieldDraft x = m.fields.get(n);
            if (x == null || x.isRelation()) {
                String hint = x == null ? Suggestions.closest(n, m.fields.keySet()) : null;
                ctx.error(f.relationSpan, "`" + argument + "` on `" + f.name + "` refers to `" + n + "`, which is not a scalar field of model `"
                        + m.name + "`." + (hint != null ? " Did you mean `" + hint + "`?" : ""));
                ok = false;
            } else {
                out.add(x);
            }
        }
        return ok ? out : null;
    }

    private static boolean sameType(FieldKind a, FieldKind b) { return a.equals(b); }

    /** Some index, unique or primary key starts with these fields (in this order). */
    private static boolean indexed(ModelDraft m, List<String> fieldNames) {
        List<List<String>> keys = new ArrayList<>();
        if (m.compoundId != null) keys.add(m.compoundId.stream().map(IndexField::field).toList());
        for (var ix : m.indexes) keys.add(ix.fields().stream().map(IndexField::field).toList());
        for (FieldDraft f : m.fields.values()) if (f.id || f.unique) keys.add(List.of(f.name));
        return keys.stream().anyMatch(k -> k.size() >= fieldNames.size() && k.subList(0, fieldNames.size()).equals(fieldNames));
    }

    static boolean isUnique(ModelDraft m, List<String> fieldNames) {
        Set<String> wanted = new HashSet<>(fieldNames);
        if (wanted.size() == 1) {
            FieldDraft f = m.fields.get(fieldNames.get(0));
            if (f != null && (f.id || f.unique)) return true;
        }
        if (m.compoundId != null && wanted.equals(namesOf(m.compoundId))) return true;
        return m.indexes.stream().anyMatch(ix -> ix.unique() && wanted.equals(namesOf(ix.fields())));
    }

    private static Set<String> namesOf(List<IndexField> fields) {
        Set<String> s = new HashSet<>();
        for (IndexField f : fields) s.add(f.field());
        return s;
    }

    static FieldDraft singleIdField(ModelDraft m) {
        if (m.compoundId != null) return m.compoundId.size() == 1 ? m.fields.get(m.compoundId.get(0).field()) : null;
        return m.fields.values().stream().filter(f -> f.id).findFirst().orElse(null);
    }

    static String defaultName(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "To" + b : b + "To" + a;
    }

    private static String names(List<FieldDraft> fs) {
        List<String> quoted = fs.stream().map(x -> "`" + x.name + "`").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static String lower(String s) { return Character.toLowerCase(s.charAt(0)) + s.substring(1); }
}
