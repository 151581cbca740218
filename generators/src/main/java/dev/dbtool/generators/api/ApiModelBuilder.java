package dev.dbtool.generators.api;

import dev.dbtool.core.model.DefaultValue;
import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.Index;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Relation;
import dev.dbtool.core.model.RelationField;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.ScalarType;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbColumn;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbIndex;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.core.physical.SqlNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Schema model × selection → {@link ApiSchema}. Pure; refuses what it cannot generate with {@link ApiModelException}. */
public final class ApiModelBuilder {
    private final Schema schema;
    private final DbSchema db;
    private final Set<String> selected;
    private final ApiSelection.CacheSelection cache;

    private ApiModelBuilder(Schema schema, Set<String> selected, ApiSelection.CacheSelection cache) {
        this.schema = schema;
        this.db = PhysicalSchemaBuilder.build(schema);
        this.selected = selected;
        this.cache = cache;
    }

    /** Default TTL of a model cached with {@code cache-setup --all} that has no {@code @@cache(ttl:)}. */
    public static final int DEFAULT_CACHE_TTL = 60;

    public static ApiSchema build(Schema schema, JavaSettings settings, ApiSelection selection) {
        ApiSchema api = buildApi(schema, settings, selection);
        List<dev.dbtool.core.model.Job> jobs = new ArrayList<>();
        for (String name : selection.queues().jobs()) {
            jobs.add(schema.job(name).orElseThrow(() -> new ApiModelException("there is no job `" + name + "` in the schema")));
        }
        // one worker runs a shared queue, so a worker of one of its job types is a worker of all of them
        Set<String> workers = new java.util.TreeSet<>(selection.queues().workers());
        for (dev.dbtool.core.model.Job job : List.copyOf(jobs)) {
            if (!workers.contains(job.name())) continue;
            for (dev.dbtool.core.model.Job sibling : schema.jobs()) {
                if (!sibling.queue().equals(job.queue()) || !workers.add(sibling.name())) continue;
                if (jobs.stream().noneMatch(j -> j.name().equals(sibling.name()))) jobs.add(sibling);
            }
        }
        return api.withJobs(List.copyOf(jobs), List.copyOf(workers));
    }

    /** The operation kinds {@code model} can have: every kind, less update when only its key is writable and create when a required field is not. */
    public static List<OperationKind> possibleKinds(Schema schema, JavaSettings settings, String model) {
        ApiType t = buildApi(schema, settings, new ApiSelection(List.of(model), List.of())).types().get(0);
        List<OperationKind> out = new ArrayList<>();
        for (OperationKind k : OperationKind.values()) {
            if (t.readOnly() && !readable(k)) continue;
            if ((k == OperationKind.UPDATE || k == OperationKind.UPDATE_MANY) && t.inputFields().stream().noneMatch(f -> !f.key())) continue;
            if ((k == OperationKind.CREATE || k == OperationKind.UPSERT || k == OperationKind.CREATE_MANY) && hasRequiredUnmapped(schema.model(model).orElseThrow())) continue;
            if (k == OperationKind.UPSERT && (t.key().size() != 1 || t.inputFields().stream().noneMatch(f -> !f.key()))) continue;
            out.add(k);
        }
        return List.copyOf(out);
    }

    private static ApiSchema buildApi(Schema schema, JavaSettings settings, ApiSelection selection) {
        Set<String> names = new LinkedHashSet<>(selection.types());
        for (OperationSpec op : selection.operations()) names.add(op.model());
        for (String n : names) check(schema, n);
        ApiModelBuilder b = new ApiModelBuilder(schema, names, selection.cache());
        List<ApiType> types = new ArrayList<>();
        for (Model m : schema.models()) if (names.contains(m.name())) types.add(b.type(m));
        Set<String> usedEnums = new LinkedHashSet<>();
        for (ApiType t : types) for (ApiField f : t.fields()) if (f.enumName() != null && (f.output() || f.input())) usedEnums.add(f.enumName());
        List<ApiEnum> enums = new ArrayList<>();
        for (EnumType e : schema.enums()) {
            if (!usedEnums.contains(e.name())) continue;
            enums.add(new ApiEnum(e.name(), e.documentation(), e.values().stream().map(v -> new ApiEnum.Value(v.name(), v.databaseName())).toList()));
        }
        Set<String> opNames = new LinkedHashSet<>();
        for (OperationSpec op : selection.operations()) {
            if (!op.name().matches("[_A-Za-z][_0-9A-Za-z]*")) throw new ApiModelException("`" + op.name() + "` is not a GraphQL field name");
            if (!opNames.add(op.name())) throw new ApiModelException("the operation `" + op.name() + "` is defined twice");
            ApiType t = types.stream().filter(x -> x.name().equals(op.model())).findFirst().orElseThrow();
            if (t.readOnly() && !readable(op.kind()))
                throw new ApiModelException("`" + op.name() + "`: " + t.name() + " is a view, read only (list, get, aggregate, groupBy)");
            if ((op.kind() == OperationKind.UPDATE || op.kind() == OperationKind.UPDATE_MANY) && t.inputFields().stream().noneMatch(f -> !f.key()))
                throw new ApiModelException("`" + op.name() + "`: " + t.name() + " has no field an update could change (only its key)");
            if (op.kind() == OperationKind.UPSERT && (t.key().size() != 1 || t.inputFields().stream().noneMatch(f -> !f.key())))
                throw new ApiModelException("`" + op.name() + "`: an upsert needs a single-field key and a field an update could change; " + t.name() + " has neither");
            if ((op.kind() == OperationKind.CREATE || op.kind() == OperationKind.UPSERT || op.kind() == OperationKind.CREATE_MANY)
                    && hasRequiredUnmapped(schema.model(t.name()).orElseThrow()))
                throw new ApiModelException("`" + op.name() + "`: " + t.name() + " has a required field the API cannot write (Unsupported or @ignore without a default)");
        }
        if (selection.cache() == null) return new ApiSchema(settings, List.copyOf(types), List.copyOf(enums), selection.operations());
        Set<String> listNames = new LinkedHashSet<>();
        for (OperationSpec op : selection.operations()) if (!op.kind().mutation()) listNames.add(op.name());
        for (String q : selection.cache().queries()) {
            if (!listNames.contains(q)) throw new ApiModelException("cache-setup --query " + q + ": there is no query field `" + q + "` (add it with `dbtool gql-query " + q + "`)");
        }
        return new ApiSchema(settings, List.copyOf(types), List.copyOf(enums), selection.operations(), true, selection.cache().queries(), cascades(schema, names),
                List.of(), List.of());
    }

    /** Model → the models whose rows a delete of it changes too (ON DELETE CASCADE / SET NULL / SET DEFAULT), transitively. */
    private static Map<String, List<String>> cascades(Schema schema, Set<String> selected) {
        Map<String, List<String>> direct = new java.util.TreeMap<>();
        for (Model m : schema.models()) {
            for (RelationField r : m.relationFields()) {
                if (!r.holdsForeignKey()) continue;
                dev.dbtool.core.model.ReferentialAction a = r.onDelete();
                boolean changes = a == dev.dbtool.core.model.ReferentialAction.Cascade || a == dev.dbtool.core.model.ReferentialAction.SetNull
                        || a == dev.dbtool.core.model.ReferentialAction.SetDefault || (a == null && !r.fields().stream().allMatch(f -> m.field(f).map(x -> x.isRequired()).orElse(true)));
                if (changes) direct.computeIfAbsent(r.targetModel(), k -> new ArrayList<>()).add(m.name());
            }
        }
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String m : selected) {
            Set<String> seen = new LinkedHashSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(direct.getOrDefault(m, List.of()));
            while (!todo.isEmpty()) {
                String n = todo.pop();
                if (n.equals(m) || !seen.add(n)) continue;
                todo.addAll(direct.getOrDefault(n, List.of()));
            }
            seen.retainAll(selected);
            if (!seen.isEmpty()) out.put(m, List.copyOf(seen));
        }
        return out;
    }

    /** What a view (a read-only type) can have. */
    private static boolean readable(OperationKind k) {
        return k == OperationKind.LIST || k == OperationKind.GET || k == OperationKind.AGGREGATE || k == OperationKind.GROUP_BY;
    }

    private static boolean hasRequiredUnmapped(Model m) {
        for (ScalarField f : m.scalarFields()) {
            boolean unmapped = f.ignored() || f.kind() instanceof FieldKind.Unsupported;
            if (unmapped && f.isRequired() && f.defaultValue() == null) return true;
        }
        return false;
    }

    private static void check(Schema schema, String name) {
        Model m = schema.model(name).orElseThrow(() -> new ApiModelException("there is no model `" + name + "` in the schema"));
        if (m.ignored()) throw new ApiModelException("`" + name + "` is marked @@ignore");
        if (keyOf(m).isEmpty()) {
            throw new ApiModelException(m.view() ? "`" + name + "` is a view without an @id or a single-field @unique: the API names its rows by one"
                    : "`" + name + "` has no primary key and no unique criteria of required fields");
        }
    }

    /**
     * The fields that name a row: the primary key; without one, as Prisma does, the first unique criteria whose fields
     * are all required (NextAuth's {@code VerificationToken} has only {@code @@unique([identifier, token])}); for a
     * view, its first single-field @unique.
     */
    static List<String> keyOf(Model m) {
        if (m.primaryKey() != null && !m.primaryKey().fields().isEmpty()) return m.primaryKey().fields().stream().map(f -> f.field()).toList();
        for (Index ix : m.indexes()) {
            if (!ix.unique() || ix.where() != null || (m.view() && ix.fields().size() != 1)) continue;
            List<String> names = ix.fields().stream().map(f -> f.field()).toList();
            if (names.stream().allMatch(n -> m.field(n).map(f -> f.isRequired()).orElse(false))) return names;
        }
        return List.of();
    }

    private ApiType type(Model m) {
        DbTable table = m.view() ? PhysicalSchemaBuilder.viewTable(schema, m)
                : db.table(m.schema() == null || m.schema().equals(PhysicalSchemaBuilder.DEFAULT_SCHEMA) ? null : m.schema(), m.tableName())
                        .orElseGet(() -> db.tables().stream().filter(t -> t.name().equals(m.tableName())).findFirst().orElseThrow());
        Set<String> keyNames = new LinkedHashSet<>(keyOf(m));
        Set<String> idReferencing = new LinkedHashSet<>();
        for (RelationField r : m.relationFields()) {
            if (!r.holdsForeignKey()) continue;
            Model target = schema.model(r.targetModel()).orElseThrow();
            for (int i = 0; i < r.fields().size(); i++) {
                String ref = r.references().get(i);
                if (target.primaryKey() != null && target.primaryKey().fields().size() == 1 && target.primaryKey().fields().get(0).field().equals(ref))
                    idReferencing.add(r.fields().get(i));
            }
        }
        List<ApiField> fields = new ArrayList<>();
        for (ScalarField f : m.scalarFields()) {
            if (f.ignored() || f.kind() instanceof FieldKind.Unsupported) continue;
            DbColumn col = table.column(f.columnName()).orElseThrow();
            fields.add(field(f, col, keyNames.contains(f.name()), idReferencing.contains(f.name())));
        }
        List<ApiField> key = keyNames.stream().map(n -> fields.stream().filter(f -> f.name().equals(n)).findFirst()
                .orElseThrow(() -> new ApiModelException("`" + m.name() + "." + n + "` is part of the primary key but cannot be mapped"))).toList();
        List<ApiField> uniques = new ArrayList<>();
        for (Index ix : m.indexes()) {
            if (!ix.unique() || ix.fields().size() != 1 || ix.where() != null) continue;
            String n = ix.fields().get(0).field();
            if (key.size() == 1 && key.get(0).name().equals(n)) continue;
            fields.stream().filter(f -> f.name().equals(n) && !f.hashed() && !f.encrypted() && !f.internal()).findFirst()
                    .filter(f -> !uniques.contains(f)).ifPresent(uniques::add);
        }
        List<ApiRelation> relations = new ArrayList<>();
        Set<String> lookupNames = new LinkedHashSet<>();
        if (key.size() == 1) lookupNames.add(key.get(0).name());
        for (RelationField r : m.relationFields()) {
            // relations of views are read like any other (never written)
            if (r.ignored() || !selected.contains(r.targetModel())) continue;
            relations.add(relation(m, r));
        }
        // lookups: fields other types' relations load this type by
        for (Model other : schema.models()) {
            if (!selected.contains(other.name())) continue;
            for (RelationField r : other.relationFields()) {
                if (r.ignored() || !r.targetModel().equals(m.name()) || !selected.contains(other.name())) continue;
                ApiRelation rel = relation(other, r);
                // a composite key's lookup is its own method (RepositoryWriter finds those from the relations)
                if (rel.kind() != ApiRelation.Kind.MANY_TO_MANY && !rel.composite()) lookupNames.add(rel.remoteField());
            }
        }
        List<ApiField> lookups = lookupNames.stream().map(n -> fields.stream().filter(f -> f.name().equals(n)).findFirst().orElseThrow()).toList();
        Map<String, List<String>> constraints = new TreeMap<>();
        if (table.primaryKey() != null) constraints.put(table.primaryKey().name(), key.stream().map(ApiField::name).toList());
        for (DbIndex ix : table.indexes()) {
            if (!ix.unique()) continue;
            List<String> names = new ArrayList<>();
            for (var c : ix.columns()) names.add(fieldOfColumn(m, c.name()));
            constraints.put(ix.name(), names);
        }
        for (DbForeignKey fk : table.foreignKeys()) {
            List<String> names = new ArrayList<>();
            for (String c : fk.columns()) names.add(fieldOfColumn(m, c));
            constraints.put(fk.name(), names);
        }
        // a check names no columns: the fields are the columns its expression mentions, so the client sees fields, not the name
        for (var check : table.checks()) {
            List<String> names = new ArrayList<>();
            for (var c : table.columns()) {
                if (java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])\"?" + java.util.regex.Pattern.quote(c.name()) + "\"?(?![A-Za-z0-9_])")
                        .matcher(check.expression()).find()) names.add(fieldOfColumn(m, c.name()));
            }
            constraints.put(check.name(), names);
        }
        return new ApiType(m.name(), m.documentation(), table.qualifiedName(), List.copyOf(fields), key, List.copyOf(uniques), lookups,
                List.copyOf(relations), m.extensions().readScope(), m.extensions().writeScope(), constraints, cacheTtl(m), m.view());
    }

    private Integer cacheTtl(Model m) {
        if (cache == null) return null;
        Integer ttl = m.extensions().cacheTtlSeconds();
        if (ttl != null) return ttl;
        return cache.all() ? DEFAULT_CACHE_TTL : null;
    }

    private static String fieldOfColumn(Model m, String column) {
        for (ScalarField f : m.scalarFields()) if (f.columnName().equals(column)) return f.name();
        return column;
    }

    private ApiField field(ScalarField f, DbColumn col, boolean key, boolean referencesId) {
        boolean list = f.isList();
        String kind;
        String gql;
        String enumName = null;
        if (f.kind() instanceof FieldKind.Enum e) {
            kind = list ? "ARRAY" : "ENUM";
            gql = e.name();
            enumName = e.name();
        } else {
            ScalarType t = ((FieldKind.Scalar) f.kind()).type();
            String nativeName = f.nativeType() == null ? null : f.nativeType().name();
            kind = switch (t) {
                case String -> "STRING";
                case Boolean -> "BOOLEAN";
                case Int -> "INT";
                case BigInt -> "BIGINT";
                case Float -> "FLOAT";
                case Decimal -> "DECIMAL";
                // @db.Time / @db.Timetz: a DateTime on 1970-01-01, as Prisma's client gives them
                case DateTime -> "Timestamptz".equals(nativeName) ? "TIMESTAMPTZ" : "Date".equals(nativeName) ? "DATE" : "Time".equals(nativeName) ? "TIME"
                        : "Timetz".equals(nativeName) ? "TIMETZ" : "TIMESTAMP";
                case Json -> "JSON";
                case Bytes -> "BYTES";
            };
            if (list) kind = "ARRAY";
            gql = switch (t) {
                case String -> (key || referencesId) && !list ? "ID" : "String";
                case Boolean -> "Boolean";
                case Int -> "Int";
                case BigInt -> "BigInt";
                case Float -> "Float";
                case Decimal -> "Decimal";
                case DateTime -> "DateTime";
                case Json -> "JSON";
                case Bytes -> "Bytes";
            };
        }
        boolean hashed = f.extensions().hashed();
        boolean internal = f.extensions().internal();
        boolean encrypted = f.extensions().encrypted();
        ApiField.Generation gen = ApiField.Generation.NONE;
        if (f.updatedAt()) gen = ApiField.Generation.UPDATED_AT;
        else if (f.defaultValue() instanceof DefaultValue.Function fn) {
            gen = switch (fn.name()) {
                case "uuid" -> ApiField.Generation.UUID;
                case "cuid" -> ApiField.Generation.CUID;
                case "autoincrement" -> ApiField.Generation.AUTOINCREMENT;
                default -> ApiField.Generation.DATABASE_DEFAULT;
            };
        } else if (f.defaultValue() instanceof DefaultValue.DbGenerated) gen = ApiField.Generation.DATABASE_DEFAULT;
        boolean output = !hashed && !internal;
        boolean input = !internal && gen != ApiField.Generation.AUTOINCREMENT && gen != ApiField.Generation.UPDATED_AT
                && !(f.defaultValue() instanceof DefaultValue.DbGenerated);
        boolean plain = !hashed && !internal && !encrypted;
        boolean scalarKind = !list && !kind.equals("JSON") && !kind.equals("BYTES");
        // Json fields take Prisma's JSON filter (path, equals, string_contains, array_contains …)
        boolean filterable = plain && (scalarKind || (list && !kind.equals("JSON")) || (!list && kind.equals("JSON")));
        boolean sortable = plain && scalarKind;
        return new ApiField(f, f.name(), SqlNames.quote(col.name()), cast(col.type()), kind, gql, enumName, !f.isRequired() && !list, list,
                output, input, filterable, sortable, gen, key);
    }

    /** The type a parameter is cast to: the column's type without length limits (an explicit cast would truncate). */
    static String cast(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.equals("SERIAL")) return "INTEGER";
        if (t.equals("BIGSERIAL")) return "BIGINT";
        if (t.equals("SMALLSERIAL")) return "SMALLINT";
        if (t.startsWith("VARCHAR(") || t.startsWith("CHARACTER VARYING(")) return "VARCHAR" + (t.endsWith("[]") ? "[]" : "");
        if (t.startsWith("CHAR(") || t.startsWith("CHARACTER(")) return "BPCHAR" + (t.endsWith("[]") ? "[]" : "");
        if (t.startsWith("VARBIT(") || t.startsWith("BIT(")) return "VARBIT";
        return type;
    }

    private ApiRelation relation(Model m, RelationField r) {
        Relation rel = schema.relations().stream()
                .filter(x -> (x.ownerModel().equals(m.name()) && x.owner().name().equals(r.name())) || (x.backModel().equals(m.name()) && x.back().name().equals(r.name())))
                .findFirst().orElseThrow(() -> new ApiModelException("the relation field `" + m.name() + "." + r.name() + "` is not resolved"));
        String doc = r.documentation();
        if (rel.kind() == Relation.Kind.IMPLICIT_MANY_TO_MANY) {
            boolean ownerSide = rel.ownerModel().equals(m.name()) && rel.owner().name().equals(r.name());
            Model target = schema.model(r.targetModel()).orElseThrow();
            DbTable join = db.tables().stream().filter(t -> t.name().equals(SqlNames.truncate(rel.joinTable()))).findFirst().orElseThrow();
            return new ApiRelation(r.name(), r.targetModel(), ApiRelation.Kind.MANY_TO_MANY, List.of(m.primaryKey().fields().get(0).field()),
                    List.of(target.primaryKey().fields().get(0).field()), false, join.qualifiedName(), ownerSide ? "\"A\"" : "\"B\"", ownerSide ? "\"B\"" : "\"A\"", doc);
        }
        if (r.holdsForeignKey()) {
            boolean optional = r.fields().stream().anyMatch(n -> m.field(n).map(f -> !f.isRequired()).orElse(true));
            return new ApiRelation(r.name(), r.targetModel(), ApiRelation.Kind.TO_ONE_OWNER, r.fields(), r.references(), optional, null, null, null, doc);
        }
        RelationField owner = rel.ownerModel().equals(m.name()) && rel.owner().name().equals(r.name()) ? rel.back() : rel.owner();
        return new ApiRelation(r.name(), r.targetModel(), r.isList() ? ApiRelation.Kind.TO_MANY_BACK : ApiRelation.Kind.TO_ONE_BACK,
                owner.references(), owner.fields(), true, null, null, null, doc);
    }
}
