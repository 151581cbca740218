package dev.dbtool.generators.graphql;

import dev.dbtool.generators.api.ApiEnum;
import dev.dbtool.generators.api.ApiField;
import dev.dbtool.generators.api.ApiRelation;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import dev.dbtool.generators.api.OperationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the SDL template prints, worked out here so the template stays a layout: every type reference already carries
 * its list and non-null wrappers, every description is already a quoted block string.
 */
public record SdlModel(List<Enum> enums, List<Type> types, List<Field> queries, List<Field> mutations, boolean batchPayload, List<Field> subscriptions,
                       boolean jsonFilter, boolean search) {
    public record Enum(String description, String name, List<String> values) {}

    public record Field(String description, String name, String arguments, String type) {}

    /**
     * {@code relationWhere}: the where input's relation filters; {@code listRelationFilter} / {@code relationFilter}: whether
     * a to-many / to-one relation points at this type, so its {@code …ListRelationFilter} / {@code …RelationFilter} input
     * is needed.
     */
    public record Type(String name, String description, List<Field> fields, List<Field> create, List<Field> update, List<Field> where,
                       List<String> sortable, List<Field> relationWhere, boolean listRelationFilter, boolean relationFilter, List<Field> counts,
                       List<Field> whereUnique, Aggregate aggregate, List<Field> createRelations, List<Field> updateRelations, boolean updateMany,
                       List<Field> eventKeys, List<Field> createMany, boolean readOnly, List<Field> orderRelations, List<String> distinct, Compound compound) {}

    /**
     * A composite key as one unique input, Prisma's shape: the field {@code followerId_followingId} of the
     * {@code WhereUniqueInput}, of the input type {@code FollowFollowerIdFollowingIdCompoundUniqueInput} with every key field.
     */
    public record Compound(String name, String type, List<Field> fields) {}

    /**
     * The aggregate types of a model with {@code aggregate} or {@code groupBy} operations (null without): {@code count}
     * every filterable field, {@code sum}/{@code avg} the numeric ones (a sum of Int is a BigInt, of BigInt a Decimal),
     * {@code minMax} those PostgreSQL orders (not uuid, not Boolean), each with its filter input for {@code having};
     * {@code by} the fields rows can be grouped by (empty without groupBy).
     */
    public record Aggregate(List<String> count, List<Field> sum, List<Field> avg, List<Field> minMax, List<Field> by, List<Field> sumFilter,
                            List<Field> avgFilter, List<Field> minMaxFilter) {}

    public static SdlModel of(ApiSchema api) {
        List<Enum> enums = new ArrayList<>();
        for (ApiEnum e : api.enums()) enums.add(new Enum(describe(e.documentation(), ""), e.name(), e.values().stream().map(ApiEnum.Value::name).toList()));
        java.util.Set<String> manyTargets = new java.util.HashSet<>();
        java.util.Set<String> oneTargets = new java.util.HashSet<>();
        for (ApiType t : api.types()) for (ApiRelation r : t.relations()) (r.many() ? manyTargets : oneTargets).add(r.target());
        List<Type> types = new ArrayList<>();
        for (ApiType t : api.types()) types.add(type(api, t, manyTargets.contains(t.name()), oneTargets.contains(t.name())));
        List<Field> queries = new ArrayList<>();
        List<Field> mutations = new ArrayList<>();
        List<Field> subscriptions = new ArrayList<>();
        for (OperationSpec op : api.operations()) (op.kind().subscription() ? subscriptions : op.kind().mutation() ? mutations : queries).add(operation(api.typeOf(op), op));
        boolean jsonFilter = api.types().stream().anyMatch(t -> t.fields().stream().anyMatch(f -> f.filterable() && f.kind().equals("JSON")));
        return new SdlModel(enums, types, queries, mutations, api.operations().stream().anyMatch(op -> op.kind().bulk()), subscriptions, jsonFilter,
                api.settings().fullTextSearch());
    }

    private static Type type(ApiSchema api, ApiType t, boolean manyTarget, boolean oneTarget) {
        List<Field> fields = new ArrayList<>();
        for (ApiField f : t.outputFields()) {
            boolean guarded = f.authScope() != null;
            String doc = f.source().documentation();
            if (guarded) doc = join(doc, "Needs the scope `" + f.authScope() + "`; null without it.");
            if (f.encrypted()) doc = join(doc, "Stored encrypted (AES-256-GCM).");
            fields.add(new Field(describe(doc, "  "), f.name(), "", wrap(f.graphqlType(), f.list(), f.nullable() || guarded || f.list())));
        }
        for (ApiRelation r : t.relations()) {
            ApiType target = api.type(r.target()).orElseThrow();
            boolean scoped = target.readScope() != null && !Objects.equals(target.readScope(), t.readScope());
            String doc = r.documentation();
            if (scoped) doc = join(doc, "Needs the scope `" + target.readScope() + "`.");
            String type = r.many() ? "[" + r.target() + "!]" + (scoped ? "" : "!") : r.target() + (r.nullable() || scoped ? "" : "!");
            // a cursor names a row by a unique of the target (Prisma's `cursor`): a single field, or a composite key's compound
            String args = r.many()
                    ? "(where: " + r.target() + "WhereInput, first: Int, orderBy: [" + r.target() + "OrderByInput!], cursor: " + r.target()
                            + "WhereUniqueInput, skip: Int)" : "";
            if (!args.isEmpty()) doc = join(doc, "`where`, `first` and `orderBy` apply per " + t.name() + ", in one query for all of them."
                    + " `cursor` starts each list at that row's place in the order (inclusive), `skip` rows further.");
            fields.add(new Field(describe(doc, "  "), r.name(), args, type));
        }
        List<Field> create = new ArrayList<>();
        List<Field> update = new ArrayList<>();
        java.util.Map<String, String> foreignKeys = new java.util.HashMap<>();
        for (ApiRelation r : t.relations()) {
            if (r.kind() != ApiRelation.Kind.TO_ONE_OWNER || api.type(r.target()).orElseThrow().readOnly() || t.readOnly()) continue;
            for (String local : r.localFields()) foreignKeys.putIfAbsent(local, r.name());
        }
        for (ApiField f : t.inputFields()) {
            String doc = f.hashed() ? "Plain text; stored as an argon2id hash and never returned." : null;
            // a foreign key may instead come from its relation (connect / create), or from the input this one is nested in
            String createDoc = foreignKeys.containsKey(f.name()) && !f.optionalOnCreate() ? join(doc, "Required unless `" + foreignKeys.get(f.name()) + "` is given.") : doc;
            create.add(new Field(describe(createDoc, "  "), f.name(), "", wrap(f.graphqlType(), f.list(), f.optionalOnCreate() || foreignKeys.containsKey(f.name()))));
            if (!f.key()) update.add(new Field(describe(doc, "  "), f.name(), "", wrap(f.graphqlType(), f.list(), true)));
        }
        List<Field> where = new ArrayList<>();
        for (ApiField f : t.fields()) if (f.filterable()) where.add(new Field("", f.name(), "", filterType(f)));
        List<String> sortable = t.fields().stream().filter(ApiField::sortable).map(ApiField::name).toList();
        List<Field> counts = new ArrayList<>();
        for (ApiRelation r : t.relations()) {
            if (!r.many()) continue;
            String readScope = api.type(r.target()).orElseThrow().readScope();
            boolean scoped = readScope != null && !Objects.equals(readScope, t.readScope());
            counts.add(new Field(scoped ? describe("Needs the scope `" + readScope + "`; null without it.", "  ") : "", r.name(), "", scoped ? "Int" : "Int!"));
        }
        List<Field> relationWhere = new ArrayList<>();
        for (ApiRelation r : t.relations()) {
            String readScope = api.type(r.target()).orElseThrow().readScope();
            String doc = (r.many() ? "Rows with some, every or none of their " + r.name() + " matching" : "Rows whose " + r.name() + " is (or is not) one matching")
                    + "; only rows the caller may read count." + (readScope == null ? "" : " Needs the scope `" + readScope + "`.");
            relationWhere.add(new Field(describe(doc, "  "), r.name(), "", r.target() + (r.many() ? "ListRelationFilter" : "RelationFilter")));
        }
        String doc = t.documentation();
        if (t.readScope() != null) doc = join(doc, "Reading needs the scope `" + t.readScope() + "`.");
        List<Field> whereUnique = new ArrayList<>();
        boolean upsert = api.operations().stream().anyMatch(op -> op.kind() == dev.dbtool.generators.api.OperationKind.UPSERT && op.model().equals(t.name()));
        Compound compound = null;
        if (upsert || manyTarget || oneTarget) {
            if (t.key().size() == 1) whereUnique.add(new Field("", t.key().get(0).name(), "", t.key().get(0).graphqlType()));
            for (ApiField f : t.uniques()) whereUnique.add(new Field("", f.name(), "", f.graphqlType()));
            if (t.key().size() > 1) {
                compound = compound(t);
                whereUnique.add(new Field("", compound.name(), "", compound.type()));
            }
        }
        List<Field> createRelations = new ArrayList<>();
        List<Field> updateRelations = new ArrayList<>();
        for (ApiRelation r : t.relations()) {
            // a view is never written
            if (api.type(r.target()).orElseThrow().readOnly() || t.readOnly()) continue;
            String nested = r.target() + (r.many() ? "ManyNested" : "OneNested");
            String what = switch (r.kind()) {
                case TO_ONE_OWNER -> "Written before this row; its key fills `" + String.join("`, `", r.localFields()) + "`.";
                case TO_ONE_BACK, TO_MANY_BACK -> "Written after this row, pointing at it.";
                case MANY_TO_MANY -> "Linked to this row after it is written.";
            };
            createRelations.add(new Field(describe("Nested writes of `" + r.name() + "`. " + what, "  "), r.name(), "", r.target() + "Create" + nested.substring(r.target().length()) + "Input"));
            updateRelations.add(new Field(describe("Nested writes of `" + r.name() + "`. " + what, "  "), r.name(), "", r.target() + "Update" + nested.substring(r.target().length()) + "Input"));
        }
        boolean updateMany = api.operations().stream().anyMatch(op -> op.kind() == dev.dbtool.generators.api.OperationKind.UPDATE_MANY && op.model().equals(t.name()));
        List<Field> eventKeys = new ArrayList<>();
        if (api.operations().stream().anyMatch(op -> op.kind().subscription() && op.model().equals(t.name()))) {
            for (ApiField k : t.key()) eventKeys.add(new Field("", k.name(), "", k.graphqlType() + "!"));
        }
        List<Field> createMany = new ArrayList<>();
        if (api.operations().stream().anyMatch(op -> op.kind() == dev.dbtool.generators.api.OperationKind.CREATE_MANY && op.model().equals(t.name()))) {
            for (ApiField f : t.inputFields()) {
                String fieldDoc = f.hashed() ? "Plain text; stored as an argon2id hash and never returned." : null;
                createMany.add(new Field(describe(fieldDoc, "  "), f.name(), "", wrap(f.graphqlType(), f.list(), f.optionalOnCreate())));
            }
        }
        // orderBy across relations: a to-one relation's fields (its own OrderByInput), a list relation's `_count`
        List<Field> orderRelations = new ArrayList<>();
        for (ApiRelation r : t.relations()) {
            String readScope = api.type(r.target()).orElseThrow().readScope();
            String needs = readScope == null ? "" : " Needs the scope `" + readScope + "`.";
            orderRelations.add(r.many()
                    ? new Field(describe("By how many " + r.name() + " each row has (only rows the caller may read count)." + needs, "  "), r.name(), "", "OrderByRelationCountInput")
                    : new Field(describe("By a field of " + r.name() + " (rows without one, or whose one the caller may not read, sort as NULL)." + needs, "  "), r.name(), "",
                            r.target() + "OrderByInput"));
        }
        return new Type(t.name(), describe(doc, ""), fields, create, update, where, sortable, relationWhere, manyTarget, oneTarget, counts, whereUnique,
                aggregate(api, t), createRelations, updateRelations, updateMany, eventKeys, createMany, t.readOnly(), orderRelations, distinct(t), compound);
    }

    /** The composite key's unique input ({@link Compound}), Prisma's names. */
    public static Compound compound(ApiType t) {
        String name = String.join("_", t.key().stream().map(ApiField::name).toList());
        String type = t.name() + String.join("", t.key().stream().map(f -> Character.toUpperCase(f.name().charAt(0)) + f.name().substring(1)).toList()) + "CompoundUniqueInput";
        return new Compound(name, type, t.key().stream().map(f -> new Field("", f.name(), "", f.graphqlType() + "!")).toList());
    }

    private static Aggregate aggregate(ApiSchema api, ApiType t) {
        boolean aggregate = api.operations().stream().anyMatch(op -> op.model().equals(t.name()) && op.kind() == dev.dbtool.generators.api.OperationKind.AGGREGATE);
        boolean groupBy = api.operations().stream().anyMatch(op -> op.model().equals(t.name()) && op.kind() == dev.dbtool.generators.api.OperationKind.GROUP_BY);
        if (!aggregate && !groupBy) return null;
        List<String> count = new ArrayList<>();
        List<Field> sum = new ArrayList<>(), avg = new ArrayList<>(), minMax = new ArrayList<>(), by = new ArrayList<>();
        List<Field> sumFilter = new ArrayList<>(), avgFilter = new ArrayList<>(), minMaxFilter = new ArrayList<>();
        for (ApiField f : t.fields()) {
            if (!f.filterable()) continue;
            count.add(f.name());
            if (f.list()) continue;
            if (summable(f)) {
                String sumType = switch (f.kind()) {
                    case "INT" -> "BigInt";
                    case "FLOAT" -> "Float";
                    default -> "Decimal";
                };
                String avgType = f.kind().equals("DECIMAL") ? "Decimal" : "Float";
                sum.add(new Field("", f.name(), "", sumType));
                avg.add(new Field("", f.name(), "", avgType));
                sumFilter.add(new Field("", f.name(), "", sumType + "Filter"));
                avgFilter.add(new Field("", f.name(), "", avgType + "Filter"));
            }
            if (ordered(f)) {
                minMax.add(new Field("", f.name(), "", f.graphqlType()));
                minMaxFilter.add(new Field("", f.name(), "", filterType(f)));
            }
            if (groupBy && !f.kind().equals("JSON") && !f.kind().equals("BYTES")) by.add(new Field("", f.name(), "", f.graphqlType()));
        }
        return new Aggregate(count, sum, avg, minMax, by, sumFilter, avgFilter, minMaxFilter);
    }

    /** What a list's {@code distinct} may name: sortable fields without a scope of their own (grouping by one would reveal its values). */
    private static List<String> distinct(ApiType t) {
        return t.fields().stream().filter(f -> f.sortable() && f.authScope() == null).map(ApiField::name).toList();
    }

    /** As the runtime's {@code Aggregates.summable}. */
    private static boolean summable(ApiField f) { return List.of("INT", "BIGINT", "FLOAT", "DECIMAL").contains(f.kind()); }

    /** As the runtime's {@code Aggregates.ordered}: PostgreSQL has no min/max for uuid or boolean. */
    private static boolean ordered(ApiField f) {
        if (f.cast().equalsIgnoreCase("uuid")) return false;
        return List.of("STRING", "INT", "BIGINT", "FLOAT", "DECIMAL", "TIMESTAMP", "TIMESTAMPTZ", "DATE", "TIME", "TIMETZ", "ENUM").contains(f.kind());
    }

    private static Field operation(ApiType t, OperationSpec op) {
        String name = t.name();
        String keyArgs = String.join(", ", t.key().stream().map(f -> f.name() + ": " + f.graphqlType() + "!").toList());
        return switch (op.kind()) {
            case LIST -> new Field(describe(join("A page of " + name + " rows: filter, order, then paginate (Relay cursors).", scope(t.readScope())), "  "),
                    op.name(), "(where: " + name + "WhereInput, orderBy: [" + name + "OrderByInput!], first: Int, after: String, last: Int, before: String"
                            + (distinct(t).isEmpty() ? "" : ", distinct: [" + name + "DistinctField!]") + ")",
                    name + "Connection!");
            case GET -> {
                List<String> args = new ArrayList<>();
                for (ApiField f : t.key()) args.add(f.name() + ": " + f.graphqlType());
                // a unique field inside a composite key is already an argument
                for (ApiField f : t.uniques()) if (!t.key().contains(f)) args.add(f.name() + ": " + f.graphqlType());
                String how = t.key().size() > 1 ? "all of " + String.join(", ", t.key().stream().map(ApiField::name).toList()) : t.key().get(0).name();
                if (!t.uniques().isEmpty()) how += " or one of " + String.join(", ", t.uniques().stream().map(ApiField::name).toList());
                yield new Field(describe(join("One " + name + " by " + how + "; null when there is none.", scope(t.readScope())), "  "), op.name(),
                        "(" + String.join(", ", args) + ")", name);
            }
            case CREATE -> new Field(describe(join("Creates a " + name + "; inputs are validated first.", scope(t.writeScope())), "  "), op.name(),
                    "(data: " + name + "CreateInput!)", name + "!");
            case UPDATE -> new Field(describe(join("Changes the given fields of a " + name + "; NOT_FOUND when it does not exist.", scope(t.writeScope())), "  "),
                    op.name(), "(" + keyArgs + ", data: " + name + "UpdateInput!)", name + "!");
            case DELETE -> new Field(describe(join("Deletes a " + name + " and returns it; NOT_FOUND when it does not exist.", scope(t.writeScope())), "  "),
                    op.name(), "(" + keyArgs + ")", name + "!");
            case UPSERT -> new Field(describe(join("Updates the " + name + " the unique field in `where` names (one the caller may read), or creates it "
                    + "from `create` when there is none; one transaction.", scope(t.writeScope())), "  "), op.name(), "(where: " + name + "WhereUniqueInput!, create: "
                    + name + "CreateInput!, update: " + name + "UpdateInput!)", name + "!");
            case UPDATE_MANY -> new Field(describe(join("Changes the given fields of every " + name + " the filter selects (that the caller may read), in one "
                    + "statement and one transaction; returns how many.", scope(t.writeScope())), "  "), op.name(), "(where: " + name + "WhereInput!, data: " + name
                    + "UpdateManyInput!)", "BatchPayload!");
            case AGGREGATE -> new Field(describe(join("Counts, sums, averages, minima and maxima over the " + name + " rows the filter selects (that the caller "
                    + "may read); one statement computing only what is selected.", scope(t.readScope())), "  "), op.name(), "(where: " + name + "WhereInput)",
                    name + "Aggregate!");
            case GROUP_BY -> new Field(describe(join("The " + name + " rows the filter selects (that the caller may read), grouped by the `by` fields: one entry per "
                    + "group with its aggregates, filtered by `having`, ordered by `orderBy` (then by the grouped fields), at most `first` (up to the maximum page "
                    + "size) after `skip`.", scope(t.readScope())), "  "), op.name(), "(by: [" + name + "GroupByField!]!, where: " + name + "WhereInput, having: "
                    + name + "HavingInput, orderBy: [" + name + "GroupByOrderByInput!], first: Int = " + DEFAULT_GROUPS + ", skip: Int = 0)", "[" + name + "GroupBy!]!");
            case CREATE_MANY -> new Field(describe(join("Inserts many " + name + " rows (their fields only, no nested writes) in one transaction and as few "
                    + "statements as PostgreSQL's parameter limit allows; every row is validated first. With `skipDuplicates`, rows meeting a unique constraint "
                    + "are skipped. Returns how many were inserted.", scope(t.writeScope())), "  "), op.name(), "(data: [" + name + "CreateManyInput!]!, "
                    + "skipDuplicates: Boolean = false)", "BatchPayload!");
            case EVENTS -> new Field(describe(join("Every committed write of " + name + " rows the filter selects (that the caller may read), from any API "
                    + "instance, in commit order (over a WebSocket, graphql-transport-ws). A created or updated row comes as it is now; a deleted one as its key.",
                    scope(t.readScope())), "  "), op.name(), "(where: " + name + "WhereInput, events: [MutationEvent!])", name + "Event!");
            case DELETE_MANY -> new Field(describe(join("Deletes every " + name + " the filter selects (that the caller may read), in one statement; returns how many.",
                    scope(t.writeScope())), "  "), op.name(), "(where: " + name + "WhereInput!)", "BatchPayload!");
        };
    }

    /** How many groups {@code groupBy} returns without {@code first} (the page size of lists). */
    static final int DEFAULT_GROUPS = 20;

    private static String scope(String scope) { return scope == null ? null : "Needs the scope `" + scope + "`."; }

    private static String filterType(ApiField f) {
        if (f.kind().equals("JSON")) return "JSONFilter";
        if (f.list()) return "StringListFilter";
        if (f.enumName() != null) return f.enumName() + "Filter";
        return switch (f.graphqlType()) {
            case "ID", "String" -> "StringFilter";
            default -> f.graphqlType() + "Filter";
        };
    }

    private static String wrap(String type, boolean list, boolean nullable) {
        String t = list ? "[" + type + "!]" : type;
        return nullable ? t : t + "!";
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) return b;
        if (b == null) return a;
        return a + "\n" + b;
    }

    /** A block-string description at {@code indent}, ending in a newline; empty without text. */
    static String describe(String text, String indent) {
        if (text == null || text.isBlank()) return "";
        String body = text.strip().replace("\"\"\"", "\\\"\"\"");
        // one line unless it ends in a quote: `"""a "b""""` would close the string one quote early
        if (!body.contains("\n") && !body.endsWith("\"")) return indent + "\"\"\"" + body + "\"\"\"\n";
        StringBuilder b = new StringBuilder(indent).append("\"\"\"\n");
        for (String line : body.split("\n", -1)) b.append(indent).append(line.strip()).append('\n');
        return b.append(indent).append("\"\"\"\n").toString();
    }

}
