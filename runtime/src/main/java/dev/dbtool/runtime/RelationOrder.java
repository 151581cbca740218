package dev.dbtool.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code orderBy} entries, Prisma's shapes: a field ({@code {title: asc}}, with {@code nulls}), a field of a to-one
 * relation ({@code {author: {name: asc}}}, nested to any depth) or the size of a list relation ({@code {comments:
 * {_count: desc}}}). A relation key is a correlated subquery under the target's row rule, so a hidden row sorts as a
 * missing one (NULL) and is not counted, and it needs the target's read scope.
 */
final class RelationOrder {
    private static final int MAX_DEPTH = 4;

    /** Keys across relations one ordering may have. */
    static final int MAX_KEYS = 3;

    private RelationOrder() {}

    static OrderBy entry(Map<String, ?> m, List<Object> path, FilterModel model, Map<String, String> fieldScopes, ApiEngine api, Principal principal,
            int depth) {
        Object nulls = m.get("nulls");
        List<Map.Entry<String, ?>> fields = new ArrayList<>();
        for (Map.Entry<String, ?> x : m.entrySet()) if (!x.getKey().equals("nulls") && x.getValue() != null) fields.add(x);
        if (fields.size() != 1) throw ApiException.badUserInput(path, "Each orderBy entry names exactly one field (and may add `nulls`).");
        Map.Entry<String, ?> e = fields.get(0);
        OrderBy.Nulls placed = nulls == null ? null : "first".equals(String.valueOf(nulls)) ? OrderBy.Nulls.FIRST : OrderBy.Nulls.LAST;
        FilterModel.Link link = model == null ? null : model.relations().get(e.getKey());
        if (link == null || api == null) {
            if (fieldScopes.containsKey(e.getKey())) Auth.require(principal, fieldScopes.get(e.getKey()));
            return new OrderBy(e.getKey(), direction(e.getValue()), placed);
        }
        if (depth >= MAX_DEPTH) throw ApiException.badUserInput(path, "An ordering reaches at most " + MAX_DEPTH + " relations deep.");
        FilterModel target = api.filterModel(link.target());
        if (target.readScope() != null) Auth.require(principal, target.readScope());
        Filter rule = api.rule(target.type(), principal);
        String alias = "\"_o" + depth + "\"";
        Map<String, ?> inner = Inputs.object(e.getValue());
        List<Object> innerPath = new ArrayList<>(path);
        innerPath.add(e.getKey());
        if (link.many()) {
            if (inner.size() != 1 || !inner.containsKey("_count")) throw ApiException.badUserInput(innerPath, "A list relation orders by its `_count`.");
            String description = e.getKey() + "._count";
            OrderBy.Expression count = new OrderBy.Expression(description, "BIGINT", Column.Kind.BIGINT, false, outer -> {
                SqlFilter.Compiled r = SqlFilter.compile(rule, SqlFilter.qualified(target.allColumns(), alias), alias);
                String from = link.joinTable() == null ? target.table() + " AS " + alias + " WHERE " + link.correlation(alias, outer)
                        : link.joinTable() + " AS \"_oj" + depth + "\" JOIN " + target.table() + " AS " + alias + " ON " + alias + "." + link.innerColumn() + " = \"_oj"
                                + depth + "\"." + link.joinInner() + " WHERE \"_oj" + depth + "\"." + link.joinOuter() + " = " + outer + "." + link.outerColumn();
                return new OrderBy.Sql("(SELECT count(*) FROM " + from + " AND (" + r.sql() + "))", r.params());
            });
            return new OrderBy(description, direction(inner.get("_count")), null, count);
        }
        OrderBy next = entry(inner, innerPath, target, target.fieldScopes(), api, principal, depth + 1);
        Column leaf = next.expression() == null ? target.columns().get(next.field()) : null;
        if (next.expression() == null && leaf == null) throw ApiException.badUserInput(innerPath, "Unknown field `" + next.field() + "`.");
        String description = e.getKey() + "." + (next.expression() == null ? next.field() : next.expression().description());
        OrderBy.Expression value = new OrderBy.Expression(description, leaf != null ? leaf.cast() : next.expression().cast(),
                leaf != null ? leaf.kind() : next.expression().kind(), true, outer -> {
                    List<Object[]> params = new ArrayList<>();
                    String selected;
                    if (leaf != null) selected = alias + "." + leaf.sql();
                    else {
                        OrderBy.Sql deeper = next.expression().sql().apply(alias);
                        selected = deeper.text();
                        params.addAll(deeper.params());
                    }
                    SqlFilter.Compiled r = SqlFilter.compile(rule, SqlFilter.qualified(target.allColumns(), alias), alias);
                    params.addAll(r.params());
                    return new OrderBy.Sql("(SELECT " + selected + " FROM " + target.table() + " AS " + alias + " WHERE " + link.correlation(alias, outer) + " AND ("
                            + r.sql() + "))", params);
                });
        return new OrderBy(description, next.direction(), placed != null ? placed : next.nulls(), value);
    }

    private static OrderBy.Direction direction(Object value) {
        return "desc".equals(String.valueOf(value)) ? OrderBy.Direction.DESC : OrderBy.Direction.ASC;
    }
}
