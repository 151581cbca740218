package dev.dbtool.runtime;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * GraphQL arguments to repository arguments: {@code where} inputs to {@link Filter}s, {@code orderBy} inputs to
 * {@link OrderBy}s, pagination arguments to a {@link PageRequest}. A field guarded by {@code @auth} can be neither
 * filtered nor sorted on without its scope: both would leak its values.
 */
public final class Inputs {
    private Inputs() {}

    public static Filter where(Object input, Map<String, String> fieldScopes, Principal principal) {
        return where(input, fieldScopes, null, null, principal, List.of("where"));
    }

    /**
     * The same with relation filters: a key naming one of {@code model}'s relations takes {@code some}, {@code every},
     * {@code none} (to-many) or {@code is}, {@code isNot} (to-one) over the target's where input. Reaching a target
     * needs its read scope; only the target's rows the caller may see (its row rule from {@code api}) count.
     */
    public static Filter where(Object input, FilterModel model, ApiEngine api, Principal principal) {
        return where(input, model.fieldScopes(), model, api, principal, List.of("where"));
    }

    private static Filter where(Object input, Map<String, String> fieldScopes, FilterModel model, ApiEngine api, Principal principal, List<Object> path) {
        if (input == null) return Filter.ALL;
        List<Filter> all = new ArrayList<>();
        for (Map.Entry<String, ?> e : asMap(input).entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            List<Object> at = append(path, key);
            switch (key) {
                case "AND" -> {
                    List<Filter> parts = new ArrayList<>();
                    for (Object each : (Collection<?>) value) parts.add(where(each, fieldScopes, model, api, principal, at));
                    all.add(Filter.and(parts));
                }
                case "OR" -> {
                    List<Filter> parts = new ArrayList<>();
                    for (Object each : (Collection<?>) value) parts.add(where(each, fieldScopes, model, api, principal, at));
                    all.add(Filter.or(parts));
                }
                case "NOT" -> all.add(Filter.not(where(value, fieldScopes, model, api, principal, at)));
                default -> {
                    if (fieldScopes.containsKey(key)) Auth.require(principal, fieldScopes.get(key));
                    if (value == null) continue;
                    FilterModel.Link link = model == null ? null : model.relations().get(key);
                    if (link != null) all.add(relation(key, link, asMap(value), api, principal, at));
                    else if (model != null && model.columns().get(key) != null && model.columns().get(key).kind() == Column.Kind.JSON) all.add(json(at, key, asMap(value)));
                    else all.add(conditions(at, key, asMap(value)));
                }
            }
        }
        return Filter.and(all);
    }

    /** A {@code …WhereUniqueInput}: exactly one of {@code fields} given, as an equality; BAD_USER_INPUT otherwise. */
    public static Filter unique(Object input, List<String> fields) {
        Map<String, ?> in = input == null ? Map.of() : asMap(input);
        List<Filter> given = new ArrayList<>();
        for (String f : fields) if (in.get(f) != null) given.add(Filter.eq(f, in.get(f)));
        if (given.size() != 1) throw ApiException.badUserInput(List.of("where"), "Pass exactly one of " + String.join(", ", fields) + ".");
        return given.get(0);
    }

    private static Filter relation(String field, FilterModel.Link link, Map<String, ?> ops, ApiEngine api, Principal principal, List<Object> path) {
        FilterModel target = api.filterModel(link.target());
        if (target == null) throw ApiException.badUserInput(path, "`" + field + "` cannot be filtered on.");
        if (target.readScope() != null) Auth.require(principal, target.readScope());
        Filter rule = api.rule(target.type(), principal);
        List<Filter> all = new ArrayList<>();
        for (Map.Entry<String, ?> e : ops.entrySet()) {
            Filter.RelationOp op = switch (e.getKey()) {
                case "some" -> Filter.RelationOp.SOME;
                case "every" -> Filter.RelationOp.EVERY;
                case "none" -> Filter.RelationOp.NONE;
                case "is" -> Filter.RelationOp.IS;
                case "isNot" -> Filter.RelationOp.IS_NOT;
                default -> throw ApiException.badUserInput(append(path, e.getKey()), "Unknown relation filter `" + e.getKey() + "`.");
            };
            if ((op == Filter.RelationOp.IS || op == Filter.RelationOp.IS_NOT) == link.many()) {
                throw ApiException.badUserInput(append(path, e.getKey()), link.many() ? "A list relation takes some, every or none." : "A single relation takes is or isNot.");
            }
            if (e.getValue() == null && link.many()) continue;
            Filter inner = e.getValue() == null ? null : where(e.getValue(), target.fieldScopes(), target, api, principal, append(path, e.getKey()));
            all.add(new Filter.Relation(field, op, inner, rule, target, link));
        }
        return Filter.and(all);
    }

    /** A {@code JSONFilter} input: conditions on a Json field's value, or on the value at its {@code path}. */
    static Filter json(List<Object> at, String field, Map<String, ?> ops) {
        boolean insensitive = "insensitive".equals(String.valueOf(ops.get("mode")));
        List<String> path = ops.get("path") == null ? List.of() : ((Collection<?>) ops.get("path")).stream().map(String::valueOf).toList();
        List<Filter> all = new ArrayList<>();
        for (Map.Entry<String, ?> op : ops.entrySet()) {
            Filter.JsonOp kind = switch (op.getKey()) {
                case "equals" -> Filter.JsonOp.EQUALS;
                case "not" -> Filter.JsonOp.NOT;
                case "string_contains" -> Filter.JsonOp.STRING_CONTAINS;
                case "string_starts_with" -> Filter.JsonOp.STRING_STARTS_WITH;
                case "string_ends_with" -> Filter.JsonOp.STRING_ENDS_WITH;
                case "array_contains" -> Filter.JsonOp.ARRAY_CONTAINS;
                case "array_starts_with" -> Filter.JsonOp.ARRAY_STARTS_WITH;
                case "array_ends_with" -> Filter.JsonOp.ARRAY_ENDS_WITH;
                default -> null;
            };
            if (kind == null) continue;
            Object v = op.getValue() instanceof com.fasterxml.jackson.databind.JsonNode n && n.isNull() ? null : op.getValue();
            if (v == null && kind != Filter.JsonOp.EQUALS && kind != Filter.JsonOp.NOT) {
                throw ApiException.badUserInput(append(at, op.getKey()), "`" + op.getKey() + "` needs a value, not null.");
            }
            all.add(new Filter.Json(field, path, kind, v, insensitive));
        }
        return Filter.and(all);
    }

    /** A scalar filter input ({@code {gt: 1, lte: 5}}) on {@code field}; {@code path} names it in errors. */
    static Filter conditions(List<Object> path, String field, Map<String, ?> ops) {
        boolean insensitive = "insensitive".equals(String.valueOf(ops.get("mode")));
        List<Filter> all = new ArrayList<>();
        for (Map.Entry<String, ?> op : ops.entrySet()) {
            Filter.Op kind = switch (op.getKey()) {
                case "equals" -> Filter.Op.EQUALS;
                case "not" -> Filter.Op.NOT;
                case "in" -> Filter.Op.IN;
                case "notIn" -> Filter.Op.NOT_IN;
                case "lt" -> Filter.Op.LT;
                case "lte" -> Filter.Op.LTE;
                case "gt" -> Filter.Op.GT;
                case "gte" -> Filter.Op.GTE;
                case "contains" -> Filter.Op.CONTAINS;
                case "startsWith" -> Filter.Op.STARTS_WITH;
                case "endsWith" -> Filter.Op.ENDS_WITH;
                case "has" -> Filter.Op.HAS;
                case "hasSome" -> Filter.Op.HAS_SOME;
                case "hasEvery" -> Filter.Op.HAS_EVERY;
                case "isEmpty" -> Filter.Op.IS_EMPTY;
                case "search" -> Filter.Op.SEARCH;
                default -> null;
            };
            if (kind == null) continue;
            if (op.getValue() == null && kind != Filter.Op.EQUALS && kind != Filter.Op.NOT) {
                throw ApiException.badUserInput(append(path, op.getKey()), "`" + op.getKey() + "` needs a value, not null.");
            }
            boolean text = kind == Filter.Op.EQUALS || kind == Filter.Op.NOT || kind == Filter.Op.IN || kind == Filter.Op.NOT_IN
                    || kind == Filter.Op.CONTAINS || kind == Filter.Op.STARTS_WITH || kind == Filter.Op.ENDS_WITH;
            all.add(new Filter.Condition(field, kind, op.getValue(), insensitive && text));
        }
        return Filter.and(all);
    }

    public static List<OrderBy> orderBy(Object input, Map<String, String> fieldScopes, Principal principal) {
        return orderBy(input, null, fieldScopes, null, principal);
    }

    /** {@code orderBy} of a list over {@code model}: its fields, and with {@code api} its relations too (see RelationOrder). */
    public static List<OrderBy> orderBy(Object input, FilterModel model, ApiEngine api, Principal principal) {
        return orderBy(input, model, model.fieldScopes(), api, principal);
    }

    private static List<OrderBy> orderBy(Object input, FilterModel model, Map<String, String> fieldScopes, ApiEngine api, Principal principal) {
        if (input == null) return List.of();
        List<OrderBy> out = new ArrayList<>();
        int i = 0;
        for (Object each : (Collection<?>) input) out.add(RelationOrder.entry(asMap(each), List.of("orderBy", i++), model, fieldScopes, api, principal, 0));
        // each key across a relation is a subquery per row sorted: a few, not the hundreds the parser's token limit allows
        if (out.stream().filter(o -> o.expression() != null).count() > RelationOrder.MAX_KEYS)
            throw ApiException.badUserInput(List.of("orderBy"), "An ordering takes at most " + RelationOrder.MAX_KEYS + " keys across relations.");
        return out;
    }

    /** A relation list's {@code first}: between 0 and the maximum page size; no limit when absent. */
    public static int first(Integer first, int maxPageSize) {
        if (first == null) return Integer.MAX_VALUE;
        if (first < 0 || first > maxPageSize) throw ApiException.badUserInput(List.of("first"), "`first` must be between 0 and " + maxPageSize + ".");
        return first;
    }

    public static PageRequest page(DataFetchingEnvironment env, int maxPageSize) {
        Object distinct = env.getArgument("distinct");
        List<String> fields = new ArrayList<>();
        if (distinct != null) for (Object f : (Collection<?>) distinct) fields.add(String.valueOf(f));
        return new PageRequest(env.getArgument("first"), env.getArgument("after"), env.getArgument("last"), env.getArgument("before"),
                env.getSelectionSet().contains("totalCount"), fields).validated(maxPageSize);
    }

    /** A GraphQL list argument as a typed list (each element checked). */
    public static <E> List<E> listOf(Object value, Class<E> type) {
        if (value == null) return null;
        List<E> out = new ArrayList<>();
        for (Object each : (Collection<?>) value) out.add(type.cast(each));
        return java.util.Collections.unmodifiableList(out);
    }

    /** A GraphQL input object as a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) { return (Map<String, Object>) value; }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object o) { return (Map<String, ?>) o; }

    private static List<Object> append(List<Object> path, Object part) {
        List<Object> out = new ArrayList<>(path);
        out.add(part);
        return out;
    }
}
