package dev.dbtool.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Compiles a {@link Filter} into a SQL predicate whose values are all bound parameters. */
public final class SqlFilter {
    private final Map<String, Column> columns;
    /** The table (or alias) the columns belong to, which relation subqueries correlate with; null outside a list query. */
    private final String outer;
    /** Subquery aliases used so far in this statement, shared by nested filters. */
    private final int[] aliases;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object[]> params = new ArrayList<>();

    private SqlFilter(Map<String, Column> columns, String outer, int[] aliases) {
        this.columns = columns;
        this.outer = outer;
        this.aliases = aliases;
    }

    /** The predicate and its parameters as (Column, value) pairs, in order. */
    public record Compiled(String sql, List<Object[]> params) {
        /** Both predicates; this one's parameters first. */
        public Compiled and(Compiled other) {
            if (other.sql.equals("TRUE")) return this;
            if (sql.equals("TRUE")) return other;
            List<Object[]> all = new ArrayList<>(params);
            all.addAll(other.params);
            return new Compiled("(" + sql + ") AND (" + other.sql + ")", List.copyOf(all));
        }
    }

    public static Compiled compile(Filter filter, Map<String, Column> columns) { return compile(filter, columns, null); }

    /** The same for rows of {@code table}, which relation filters' subqueries correlate with. */
    public static Compiled compile(Filter filter, Map<String, Column> columns, String table) {
        SqlFilter f = new SqlFilter(columns, table, new int[1]);
        f.emit(filter == null ? Filter.ALL : filter);
        return new Compiled(f.sql.toString(), List.copyOf(f.params));
    }

    private void emit(Filter filter) {
        if (filter instanceof Filter.And and) join(and.all(), " AND ", "TRUE");
        else if (filter instanceof Filter.Or or) join(or.any(), " OR ", "FALSE");
        else if (filter instanceof Filter.Not not) {
            sql.append("NOT (");
            emit(not.filter());
            sql.append(')');
        } else if (filter instanceof Filter.Relation r) relation(r);
        else if (filter instanceof Filter.Json j) json(j);
        else condition((Filter.Condition) filter);
    }

    /**
     * A correlated (NOT) EXISTS over the target's rows the caller may see: {@code some}/{@code is} — one matches,
     * {@code none}/{@code isNot} — none matches, {@code every} — none fails to match. Columns inside are qualified by
     * the subquery's alias, so names the outer table shares cannot be confused.
     */
    private void relation(Filter.Relation r) {
        if (outer == null) throw new IllegalStateException("relation filter on `" + r.field() + "` outside a list query");
        FilterModel.Link link = r.link();
        int n = ++aliases[0];
        String alias = "\"r" + n + "\"";
        String from;
        String correlation;
        if (link.joinTable() != null) {
            String join = "\"j" + n + "\"";
            from = link.joinTable() + " AS " + join + " JOIN " + r.target().table() + " AS " + alias + " ON " + alias + "." + link.innerColumn() + " = "
                    + join + "." + link.joinInner();
            correlation = join + "." + link.joinOuter() + " = " + outer + "." + link.outerColumn();
        } else {
            from = r.target().table() + " AS " + alias;
            correlation = link.correlation(alias, outer);
        }
        SqlFilter rule = new SqlFilter(qualified(r.target().allColumns(), alias), alias, aliases);
        rule.emit(r.rule() == null ? Filter.ALL : r.rule());
        SqlFilter inner = new SqlFilter(qualified(r.target().columns(), alias), alias, aliases);
        inner.emit(r.inner() == null ? Filter.ALL : r.inner());
        boolean negated = switch (r.op()) {
            case SOME -> false;
            case NONE, EVERY -> true;
            case IS -> r.inner() == null; // is: null — no related row the caller may see
            case IS_NOT -> r.inner() != null;
        };
        sql.append(negated ? "NOT EXISTS (SELECT 1 FROM " : "EXISTS (SELECT 1 FROM ").append(from).append(" WHERE ").append(correlation)
                .append(" AND (").append(rule.sql).append(')');
        params.addAll(rule.params);
        if (r.op() == Filter.RelationOp.EVERY) sql.append(" AND NOT (").append(inner.sql).append(')');
        else sql.append(" AND (").append(inner.sql).append(')');
        params.addAll(inner.params);
        sql.append(')');
    }

    static Map<String, Column> qualified(Map<String, Column> columns, String alias) {
        Map<String, Column> out = new java.util.HashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            Column c = e.getValue();
            out.put(e.getKey(), new Column(c.field(), alias + "." + c.sql(), c.cast(), c.kind(), c.nullable()));
        }
        return out;
    }

    private void join(List<Filter> parts, String operator, String empty) {
        if (parts.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) sql.append(operator);
            emit(parts.get(i));
        }
        sql.append(')');
    }

    private void condition(Filter.Condition c) {
        Column col = columns.get(c.field());
        if (col == null) throw ApiException.badUserInput(List.of("where", c.field()), "Unknown field `" + c.field() + "`.");
        String lhs = c.insensitive() ? "lower(" + col.sql() + "::text)" : col.sql();
        String param = c.insensitive() ? "lower(?::text)" : col.param();
        Object v = c.value();
        switch (c.op()) {
            case EQUALS -> {
                if (v == null) sql.append(col.sql()).append(" IS NULL");
                else value(lhs + " = " + param, col, v);
            }
            case NOT -> {
                if (v == null) sql.append(col.sql()).append(" IS NOT NULL");
                else value("(" + lhs + " <> " + param + " OR " + col.sql() + " IS NULL)", col, v);
            }
            case IN, NOT_IN -> {
                Collection<?> values = (Collection<?>) v;
                if (values.isEmpty()) {
                    sql.append(c.op() == Filter.Op.IN ? "FALSE" : "TRUE");
                    return;
                }
                sql.append(c.op() == Filter.Op.IN ? "(" : "(" + col.sql() + " IS NULL OR ").append(lhs).append(c.op() == Filter.Op.IN ? " IN (" : " NOT IN (");
                int i = 0;
                for (Object each : values) {
                    sql.append(i++ > 0 ? ", " : "").append(param);
                    params.add(new Object[] {col, each});
                }
                sql.append("))");
            }
            case LT -> value(lhs + " < " + param, col, v);
            case LTE -> value(lhs + " <= " + param, col, v);
            case GT -> value(lhs + " > " + param, col, v);
            case GTE -> value(lhs + " >= " + param, col, v);
            case CONTAINS -> like(c, col, "%" + escape((String) v) + "%");
            case STARTS_WITH -> like(c, col, escape((String) v) + "%");
            case ENDS_WITH -> like(c, col, "%" + escape((String) v));
            case HAS -> arrayOp(col, List.of(v), " @> ");
            case HAS_SOME -> arrayOp(col, (List<?>) v, " && ");
            case HAS_EVERY -> arrayOp(col, (List<?>) v, " @> ");
            case IS_EMPTY -> sql.append(Boolean.TRUE.equals(v) ? "cardinality(" + col.sql() + ") = 0" : "cardinality(" + col.sql() + ") > 0");
            // Prisma's full-text search: to_tsquery syntax (cat & dog, cat | dog, !cat) over the column's words
            case SEARCH -> {
                sql.append("to_tsvector(concat_ws(' ', ").append(col.sql()).append(")) @@ to_tsquery(?::text)");
                params.add(new Object[] {new Column(col.field(), col.sql(), "text", Column.Kind.STRING, col.nullable()), v});
            }
        }
    }

    private static final Column TEXT_ARRAY = new Column("path", "path", "text[]", Column.Kind.ARRAY, false);

    /**
     * A Json condition: on {@code col::jsonb}, or the value at {@code #> path}. String conditions hold only for JSON
     * strings, array conditions only for arrays; {@code not} also matches rows without a value there.
     */
    private void json(Filter.Json j) {
        Column col = columns.get(j.field());
        if (col == null) throw ApiException.badUserInput(List.of("where", j.field()), "Unknown field `" + j.field() + "`.");
        Column jsonb = new Column(col.field(), col.sql(), "jsonb", Column.Kind.JSON, true);
        String target;
        if (j.path().isEmpty()) {
            target = "(" + col.sql() + ")::jsonb";
        } else {
            target = "((" + col.sql() + ")::jsonb #> ?::text[])";
        }
        Object v = j.value();
        switch (j.op()) {
            case EQUALS, NOT -> {
                if (v == null) {
                    pathParam(j);
                    sql.append(target).append(j.op() == Filter.JsonOp.EQUALS ? " IS NULL" : " IS NOT NULL");
                    return;
                }
                if (j.op() == Filter.JsonOp.EQUALS) {
                    pathParam(j);
                    sql.append(target).append(" = ?::jsonb");
                } else {
                    pathParam(j);
                    sql.append("(").append(target).append(" <> ?::jsonb OR ");
                    params.add(new Object[] {jsonb, v});
                    pathParam(j);
                    sql.append(target).append(" IS NULL)");
                    return;
                }
                params.add(new Object[] {jsonb, v});
            }
            case STRING_CONTAINS, STRING_STARTS_WITH, STRING_ENDS_WITH -> {
                String text = v instanceof com.fasterxml.jackson.databind.JsonNode n ? n.asText() : String.valueOf(v);
                String pattern = switch (j.op()) {
                    case STRING_CONTAINS -> "%" + escape(text) + "%";
                    case STRING_STARTS_WITH -> escape(text) + "%";
                    default -> "%" + escape(text);
                };
                pathParam(j);
                sql.append("(jsonb_typeof(").append(target).append(") = 'string' AND ");
                pathParam(j);
                sql.append("(").append(target).append(" #>> '{}')").append(j.insensitive() ? " ILIKE" : " LIKE").append(" ?::text ESCAPE '\\')");
                params.add(new Object[] {new Column(col.field(), col.sql(), "text", Column.Kind.STRING, true), pattern});
            }
            case ARRAY_CONTAINS, ARRAY_STARTS_WITH, ARRAY_ENDS_WITH -> {
                pathParam(j);
                sql.append("(jsonb_typeof(").append(target).append(") = 'array' AND ");
                pathParam(j);
                switch (j.op()) {
                    // a value that is not an array is one element (Prisma's shorthand)
                    case ARRAY_CONTAINS -> sql.append(target).append(" @> (CASE WHEN jsonb_typeof(?::jsonb) = 'array' THEN ?::jsonb ELSE jsonb_build_array(?::jsonb) END))");
                    case ARRAY_STARTS_WITH -> sql.append(target).append(" -> 0 = ?::jsonb)");
                    default -> sql.append(target).append(" -> -1 = ?::jsonb)");
                }
                int copies = j.op() == Filter.JsonOp.ARRAY_CONTAINS ? 3 : 1;
                for (int i = 0; i < copies; i++) params.add(new Object[] {jsonb, v});
            }
        }
    }

    /** The path parameter of a Json condition's target, each time the target is written out. */
    private void pathParam(Filter.Json j) {
        if (!j.path().isEmpty()) params.add(new Object[] {TEXT_ARRAY, j.path()});
    }

    private void value(String predicate, Column col, Object v) {
        if (v == null) throw ApiException.badUserInput(List.of("where", col.field()), "This comparison needs a value, not null.");
        sql.append(predicate);
        params.add(new Object[] {col, v});
    }

    private void like(Filter.Condition c, Column col, String pattern) {
        sql.append(col.sql()).append(c.insensitive() ? " ILIKE ?::text" : " LIKE ?::text").append(" ESCAPE '\\'");
        params.add(new Object[] {new Column(col.field(), col.sql(), "text", Column.Kind.STRING, col.nullable()), pattern});
    }

    private void arrayOp(Column col, List<?> values, String operator) {
        sql.append(col.sql()).append(operator).append(col.param());
        params.add(new Object[] {col, values});
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
