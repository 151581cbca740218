package dev.dbtool.core.validate;

import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.Datasource;
import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.Field;
import dev.dbtool.core.model.FieldExtensions;
import dev.dbtool.core.model.Generator;
import dev.dbtool.core.model.Index;
import dev.dbtool.core.model.IndexField;
import dev.dbtool.core.model.Job;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.ModelExtensions;
import dev.dbtool.core.model.PrimaryKey;
import dev.dbtool.core.model.Relation;
import dev.dbtool.core.model.RelationField;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Drafts → immutable records. Fields whose type did not resolve are left out (their error is already reported). */
final class ModelFreezer {
    private ModelFreezer() {}

    static Schema freeze(Datasource ds, List<Generator> generators, Map<String, ModelDraft> drafts, List<EnumType> enums,
                         List<Job> jobs, List<FieldDraft[]> pairs) {
        List<Model> models = new ArrayList<>();
        for (ModelDraft m : drafts.values()) models.add(model(m));
        Map<FieldDraft, ModelDraft> ownerOf = new java.util.IdentityHashMap<>();
        for (ModelDraft m : drafts.values()) for (FieldDraft f : m.fields.values()) ownerOf.put(f, m);
        List<Relation> relations = new ArrayList<>();
        for (FieldDraft[] p : pairs) {
            ModelDraft a = ownerOf.get(p[0]);
            ModelDraft b = ownerOf.get(p[1]);
            if (a == null || b == null) continue;
            RelationField fa = relationField(p[0]);
            RelationField fb = relationField(p[1]);
            boolean manyToMany = p[0].arity == Arity.LIST && p[1].arity == Arity.LIST;
            Relation.Kind kind = manyToMany ? Relation.Kind.IMPLICIT_MANY_TO_MANY
                    : p[1].arity == Arity.LIST ? Relation.Kind.ONE_TO_MANY : Relation.Kind.ONE_TO_ONE;
            relations.add(new Relation(p[0].relationName, kind, a.name, fa, b.name, fb, manyToMany ? "_" + p[0].relationName : null));
        }
        return new Schema(ds, generators, List.copyOf(models), List.copyOf(enums), List.copyOf(relations), List.copyOf(jobs));
    }

    private static Model model(ModelDraft m) {
        List<Field> fields = new ArrayList<>();
        PrimaryKey pk = null;
        List<Index> indexes = new ArrayList<>();
        for (FieldDraft f : m.fields.values()) {
            if (f.isRelation()) {
                fields.add(relationField(f));
                continue;
            }
            if (f.kind == null) continue;
            fields.add(new ScalarField(f.name, f.columnName, f.kind, f.arity, f.nativeType, f.defaultValue, f.updatedAt, f.ignored,
                    new FieldExtensions(f.hashed, f.encrypted, f.internal, List.copyOf(f.validations), f.seed, f.authScope),
                    f.documentation, f.span()));
            if (f.id && pk == null) pk = new PrimaryKey(List.of(new IndexField(f.name, f.idSort, null)), null, f.idMap, f.attributeSpans.get("id"));
            if (f.unique) {
                indexes.add(new Index(true, List.of(new IndexField(f.name, f.uniqueSort, null)), f.uniqueMap, null, null, null,
                        f.attributeSpans.get("unique")));
            }
        }
        if (pk == null && m.compoundId != null) pk = new PrimaryKey(m.compoundId, m.compoundIdName, m.compoundIdMap, m.compoundIdSpan);
        indexes.addAll(m.indexes);
        ModelExtensions ext = new ModelExtensions(m.cacheTtl, m.readScope, m.writeScope, m.seedCount);
        return new Model(m.name, m.tableName, m.schema, m.view, m.ignored, List.copyOf(fields), pk, List.copyOf(indexes),
                List.copyOf(m.checks), ext, m.documentation, m.ast.span());
    }

    private static RelationField relationField(FieldDraft f) {
        return new RelationField(f.name, f.relationTarget, f.arity, f.relationName, f.relationFields, f.relationReferences,
                f.onDelete, f.onUpdate, f.foreignKeyName, f.ignored, f.documentation, f.span());
    }
}
