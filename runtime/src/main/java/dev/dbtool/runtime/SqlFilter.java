package dev.dbtool.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Compiles a {@link Filter} into a SQL predicate whose values are all bound parameters. */
public final class SqlFilter {
    private final Map<String, Column> columns;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object[]> params = new ArrayList<>();

    private SqlFilter(Map<String, Column> columns) { this.columns = columns; }

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

    public static Compiled compile(Filter filter, Map<String, Column> columns) {
        SqlFilter f = new SqlFilter(columns);
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
        } else condition((Filter.Condition) filter);
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
        }
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
