package dev.dbtool.runtime;

import java.util.List;

/**
 * A row filter, the typed form of a GraphQL {@code …WhereInput}: conditions on fields combined with AND / OR / NOT.
 * Field names are the model's field names; {@link SqlFilter} checks them and binds every value as a parameter.
 */
public sealed interface Filter {
    record And(List<Filter> all) implements Filter {}
    record Or(List<Filter> any) implements Filter {}
    record Not(Filter filter) implements Filter {}
    record Condition(String field, Op op, Object value, boolean insensitive) implements Filter {}

    /**
     * A condition across a relation: {@code inner} (null for {@code is: null} / {@code isNot: null}) over the target's
     * rows that {@code rule}, the target's row rule for the caller, lets through. Only those rows count: a filter
     * cannot reveal rows the caller may not read.
     */
    record Relation(String field, RelationOp op, Filter inner, Filter rule, FilterModel target, FilterModel.Link link) implements Filter {
        @Override
        public String toString() { return "Relation[" + field + " " + op + " " + inner + " rule " + rule + "]"; }
    }

    /**
     * A condition on a Json field's value, or on the value at {@code path} inside it (object keys, array indexes as
     * text); Prisma's JSON filter.
     */
    record Json(String field, List<String> path, JsonOp op, Object value, boolean insensitive) implements Filter {}

    enum JsonOp { EQUALS, NOT, STRING_CONTAINS, STRING_STARTS_WITH, STRING_ENDS_WITH, ARRAY_CONTAINS, ARRAY_STARTS_WITH, ARRAY_ENDS_WITH }

    /** {@code some}, {@code every}, {@code none} on a to-many relation; {@code is}, {@code isNot} on a to-one. */
    enum RelationOp { SOME, EVERY, NONE, IS, IS_NOT }

    enum Op { EQUALS, NOT, IN, NOT_IN, LT, LTE, GT, GTE, CONTAINS, STARTS_WITH, ENDS_WITH, HAS, HAS_SOME, HAS_EVERY, IS_EMPTY, SEARCH }

    Filter ALL = new And(List.of());

    static Filter and(List<Filter> filters) { return filters.size() == 1 ? filters.get(0) : new And(List.copyOf(filters)); }

    static Filter or(List<Filter> filters) { return new Or(List.copyOf(filters)); }

    static Filter not(Filter filter) { return new Not(filter); }

    static Filter eq(String field, Object value) { return new Condition(field, Op.EQUALS, value, false); }

    static Filter where(String field, Op op, Object value) { return new Condition(field, op, value, false); }

    /** Both filters must hold (a resolver's row-level restriction added to the caller's filter). */
    default Filter andAlso(Filter other) {
        if (other.equals(ALL)) return this;
        if (this.equals(ALL)) return other;
        return and(List.of(this, other));
    }

    /** True for the filter that lets every row through. */
    default boolean isAll() { return this.equals(ALL); }

    /** True when it reads other tables (a relation filter): its result then depends on writes to those too. */
    default boolean crossesRelations() {
        if (this instanceof Relation) return true;
        if (this instanceof And a) return a.all().stream().anyMatch(Filter::crossesRelations);
        if (this instanceof Or o) return o.any().stream().anyMatch(Filter::crossesRelations);
        return this instanceof Not n && n.filter().crossesRelations();
    }
}
