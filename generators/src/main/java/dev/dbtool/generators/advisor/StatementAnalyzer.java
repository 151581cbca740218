package dev.dbtool.generators.advisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Reads a workload statement with JSqlParser (never with regular expressions) and reports, per table, the columns an
 * index could serve: equality and IN comparisons, ranges, constant predicates, ORDER BY keys, join columns, and the
 * columns read. Unqualified columns are resolved against the catalog's columns of the tables in FROM.
 */
public final class StatementAnalyzer {
    private final Map<String, Set<String>> catalog;

    /** @param catalog {@code schema.table} → its column names */
    public StatementAnalyzer(Map<String, Set<String>> catalog) { this.catalog = catalog; }

    public AnalyzedStatement analyze(String sql) {
        Statement st;
        try {
            st = CCJSqlParserUtil.parse(sql, p -> p.withTimeOut(2000));
        } catch (JSQLParserException | RuntimeException e) {
            return new AnalyzedStatement(sql, "unknown", List.of(), "not parsable");
        }
        try {
            if (st instanceof Select s) return select(sql, s);
            if (st instanceof Update u) {
                Scope scope = new Scope();
                if (!scope.add(u.getTable())) return new AnalyzedStatement(sql, "update", List.of(), "not a table of this database");
                scope.where(u.getWhere());
                return new AnalyzedStatement(sql, "update", scope.uses(), null);
            }
            if (st instanceof Delete d) {
                Scope scope = new Scope();
                if (!scope.add(d.getTable())) return new AnalyzedStatement(sql, "delete", List.of(), "not a table of this database");
                scope.where(d.getWhere());
                return new AnalyzedStatement(sql, "delete", scope.uses(), null);
            }
        } catch (RuntimeException e) {
            return new AnalyzedStatement(sql, "unknown", List.of(), "not understood: " + e.getClass().getSimpleName());
        }
        return new AnalyzedStatement(sql, st.getClass().getSimpleName().toLowerCase(Locale.ROOT), List.of(), "no WHERE or ORDER BY an index could serve");
    }

    private AnalyzedStatement select(String sql, Select s) {
        List<TableUse> out = new ArrayList<>();
        if (s instanceof SetOperationList ops) {
            for (Select each : ops.getSelects()) if (each instanceof PlainSelect ps) out.addAll(plain(ps));
        } else if (s instanceof PlainSelect ps) out.addAll(plain(ps));
        return new AnalyzedStatement(sql, "select", out, out.isEmpty() ? "no table of this database" : null);
    }

    private List<TableUse> plain(PlainSelect ps) {
        Scope scope = new Scope();
        if (!(ps.getFromItem() instanceof Table from) || !scope.add(from)) return List.of();
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) if (j.getRightItem() instanceof Table t) scope.add(t);
        }
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) if (j.getOnExpressions() != null) for (Expression on : j.getOnExpressions()) scope.where(on);
        }
        scope.where(ps.getWhere());
        if (ps.getOrderByElements() != null) scope.orderBy(ps.getOrderByElements());
        for (SelectItem<?> item : ps.getSelectItems()) scope.read(item.getExpression());
        return scope.uses();
    }

    /** The tables of one query block and what the block does with their columns. */
    private final class Scope {
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private final Map<String, Builder> tables = new LinkedHashMap<>();

        boolean add(Table t) {
            String key = key(t);
            if (!catalog.containsKey(key)) return false;
            tables.putIfAbsent(key, new Builder(key));
            aliases.put(unquote(t.getName()), key);
            if (t.getAlias() != null) aliases.put(unquote(t.getAlias().getName()), key);
            return true;
        }

        List<TableUse> uses() { return tables.values().stream().map(Builder::build).toList(); }

        void where(Expression e) {
            if (e == null) return;
            if (e instanceof AndExpression and) {
                where(and.getLeftExpression());
                where(and.getRightExpression());
                return;
            }
            // JSqlParser 5 reads a parenthesised condition as a one-element expression list
            if (e instanceof net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> p && p.size() == 1) {
                where(p.get(0));
                return;
            }
            if (e instanceof EqualsTo eq) {
                Column l = column(eq.getLeftExpression());
                Column r = column(eq.getRightExpression());
                if (l != null && r != null) {
                    join(l);
                    join(r);
                } else if (l != null) compare(l, eq.getRightExpression(), true, eq);
                else if (r != null) compare(r, eq.getLeftExpression(), true, eq);
            } else if (e instanceof GreaterThan || e instanceof GreaterThanEquals || e instanceof MinorThan || e instanceof MinorThanEquals) {
                ComparisonOperator c = (ComparisonOperator) e;
                Column l = column(c.getLeftExpression());
                Column r = column(c.getRightExpression());
                if (l != null && r == null && isValue(c.getRightExpression())) range(l);
                else if (r != null && l == null && isValue(c.getLeftExpression())) range(r);
            } else if (e instanceof Between b) {
                Column c = column(b.getLeftExpression());
                if (c != null) range(c);
            } else if (e instanceof InExpression in && !in.isNot()) {
                Column c = column(in.getLeftExpression());
                if (c != null) equality(c);
            } else if (e instanceof IsNullExpression isNull) {
                Column c = column(isNull.getLeftExpression());
                Builder b = c == null ? null : owner(c);
                if (b != null) b.constants.add(new TableUse.Constant(name(c), quote(name(c)) + (isNull.isNot() ? " IS NOT NULL" : " IS NULL")));
            } else if (e instanceof IsBooleanExpression bool) {
                Column c = column(bool.getLeftExpression());
                Builder b = c == null ? null : owner(c);
                if (b != null) b.constants.add(new TableUse.Constant(name(c), quote(name(c)) + (bool.isNot() ? " IS NOT " : " IS ") + (bool.isTrue() ? "TRUE" : "FALSE")));
            }
        }

        private void compare(Column c, Expression other, boolean equality, EqualsTo eq) {
            if (other instanceof AnyComparisonExpression || isValue(other)) {
                if (equality) equality(c);
            }
            Builder b = owner(c);
            if (b != null && isConstant(other)) b.constants.add(new TableUse.Constant(name(c), quote(name(c)) + " = " + other));
        }

        void orderBy(List<OrderByElement> keys) {
            Builder owner = null;
            List<TableUse.SortKey> sort = new ArrayList<>();
            for (OrderByElement o : keys) {
                Column c = column(o.getExpression());
                Builder b = c == null ? null : owner(c);
                if (b == null || (owner != null && owner != b)) return;
                owner = b;
                boolean desc = !o.isAsc();
                sort.add(new TableUse.SortKey(name(c), desc));
            }
            if (owner != null) {
                owner.orderBy.addAll(sort);
                owner.sortable = true;
            }
        }

        void read(Expression e) {
            if (e instanceof AllColumns) {
                for (Builder b : tables.values()) b.readsAll = true;
            } else if (e instanceof AllTableColumns atc) {
                String key = aliases.get(unquote(atc.getTable().getName()));
                if (key != null) tables.get(key).readsAll = true;
            } else if (e instanceof Column c) {
                Builder b = owner(c);
                if (b != null) b.read.add(name(c));
            } else if (e != null) {
                // an expression (count(*), lower(x)…): the columns inside it are read too
                e.accept(new net.sf.jsqlparser.util.TablesNamesFinder<Void>() {
                    @Override
                    public <S> Void visit(Column column, S context) {
                        Builder b = owner(column);
                        if (b != null) b.read.add(name(column));
                        return null;
                    }
                }, null);
            }
        }

        private void equality(Column c) {
            Builder b = owner(c);
            if (b != null && !b.equality.contains(name(c))) b.equality.add(name(c));
        }

        private void range(Column c) {
            Builder b = owner(c);
            if (b != null && !b.range.contains(name(c))) b.range.add(name(c));
        }

        private void join(Column c) {
            Builder b = owner(c);
            if (b != null && !b.joins.contains(name(c))) b.joins.add(name(c));
        }

        /** The table a column belongs to: by its qualifier, or the one table in scope that has a column of that name. */
        private Builder owner(Column c) {
            if (c.getTable() != null && c.getTable().getName() != null) {
                String key = aliases.get(unquote(c.getTable().getName()));
                return key == null ? null : tables.get(key);
            }
            Builder found = null;
            for (Builder b : tables.values()) {
                if (catalog.get(b.table).contains(name(c))) {
                    if (found != null) return null;
                    found = b;
                }
            }
            return found;
        }
    }

    private static final class Builder {
        final String table;
        final List<String> equality = new ArrayList<>();
        final List<String> range = new ArrayList<>();
        final List<TableUse.SortKey> orderBy = new ArrayList<>();
        final List<TableUse.Constant> constants = new ArrayList<>();
        final List<String> joins = new ArrayList<>();
        final Set<String> read = new LinkedHashSet<>();
        boolean sortable;
        boolean readsAll;

        Builder(String table) { this.table = table; }

        TableUse build() {
            return new TableUse(table, List.copyOf(equality), List.copyOf(range), List.copyOf(orderBy), sortable, List.copyOf(constants), List.copyOf(joins),
                    Set.copyOf(read), readsAll);
        }
    }

    private static Column column(Expression e) {
        if (e instanceof Column c && !c.getColumnName().startsWith("$")) return c;
        if (e instanceof CastExpression cast) return column(cast.getLeftExpression());
        return null;
    }

    /**
     * A value for the statement's run: a parameter, a constant, or any expression over them without a column
     * ({@code now() - interval '1 day' * $2}), so the comparison can use an index.
     */
    private static boolean isValue(Expression e) {
        if (e == null || e instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect) return false;
        boolean[] column = {false};
        e.accept(new net.sf.jsqlparser.util.TablesNamesFinder<Void>() {
            @Override
            public <S> Void visit(Column c, S context) {
                if (!c.getColumnName().startsWith("$") && !isKeyword(c.getColumnName())) column[0] = true;
                return null;
            }
        }, null);
        return !column[0];
    }

    /** Words JSqlParser reads as columns but PostgreSQL evaluates as values. */
    private static boolean isKeyword(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "current_user", "session_user", "true", "false" -> true;
            default -> false;
        };
    }

    private static boolean isConstant(Expression e) {
        return e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue || e instanceof BooleanValue || e instanceof NullValue;
    }

    private static String name(Column c) { return unquote(c.getColumnName()); }

    static String unquote(String identifier) {
        if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        return identifier.toLowerCase(Locale.ROOT);
    }

    static String quote(String identifier) { return "\"" + identifier.replace("\"", "\"\"") + "\""; }

    private static String key(Table t) {
        String schema = t.getSchemaName() == null ? "public" : unquote(t.getSchemaName());
        return schema + "." + unquote(t.getName());
    }
}
