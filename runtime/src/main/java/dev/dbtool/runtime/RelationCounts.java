package dev.dbtool.runtime;

import graphql.schema.DataFetchingEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * {@code _count { posts }}: how many related rows each parent has, for every parent of a query level in one
 * {@code GROUP BY} statement, counting only the target's rows the caller may read (its row rule applies).
 */
public final class RelationCounts {
    private RelationCounts() {}

    /**
     * The count of {@code relation}'s rows for the parent {@code key}, batched per level through a DataLoader named for
     * the relation and the rule. Needs the target's read scope.
     */
    public static <K> Object load(DataFetchingEnvironment env, ApiEngine api, FilterModel parent, String relation, K key) {
        if (key == null) return 0;
        FilterModel.Link link = parent.relations().get(relation);
        FilterModel target = api.filterModel(link.target());
        Principal principal = Auth.principal(env);
        if (target.readScope() != null) Auth.require(principal, target.readScope());
        Filter rule = api.rule(target.type(), principal);
        String name = "count:" + parent.type() + "." + relation + "|" + rule;
        DataLoaderRegistry registry = env.getDataLoaderRegistry();
        DataLoader<K, Integer> counts = registry.computeIfAbsent(name, n -> Batches.mapped(api.database(), (c, keys) -> count(c, parent, link, target, rule, keys)));
        return counts.load(key);
    }

    /** Each key to its count (0 for keys without rows), one statement. Keys are matched by their text form. */
    static <K> Map<K, Integer> count(Connection c, FilterModel parent, FilterModel.Link link, FilterModel target, Filter rule, Set<K> keys) throws SQLException {
        // the parent's key columns give the casts the keys are bound with
        List<String> casts = new ArrayList<>();
        for (String outer : link.outerColumns()) {
            casts.add(parent.allColumns().values().stream().filter(col -> col.sql().equals(outer)).map(Column::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no column " + outer + " in " + parent.type())));
        }
        String t = "\"t\"";
        SqlFilter.Compiled r = SqlFilter.compile(rule, SqlFilter.qualified(target.allColumns(), t), t);
        List<String> group = new ArrayList<>();
        String from;
        if (link.joinTable() != null) {
            group.add("\"j\"." + link.joinOuter());
            from = link.joinTable() + " AS \"j\" JOIN " + target.table() + " AS " + t + " ON " + t + "." + link.innerColumn() + " = \"j\"." + link.joinInner();
        } else {
            for (String inner : link.innerColumns()) group.add(t + "." + inner);
            from = target.table() + " AS " + t;
        }
        String sql = "SELECT " + Keys.textSql(group) + ", count(*) FROM " + from + " WHERE " + Keys.condition(group, casts) + " AND (" + r.sql() + ") GROUP BY "
                + String.join(", ", group);
        Map<String, K> byText = new HashMap<>();
        Map<K, Integer> out = new HashMap<>();
        for (K k : keys) {
            byText.put(Keys.text(k), k);
            out.put(k, 0);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = Keys.bind(ps, 1, c, keys);
            for (Object[] p : r.params()) Jdbc.bind(ps, i++, (Column) p[0], p[1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    K k = byText.get(rs.getString(1));
                    if (k != null) out.put(k, rs.getInt(2));
                }
            }
        }
        return out;
    }
}
