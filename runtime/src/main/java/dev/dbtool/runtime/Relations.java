package dev.dbtool.runtime;

import graphql.schema.DataFetchingEnvironment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dataloader.DataLoader;

/**
 * The data fetchers of relation fields: through the request's DataLoaders, so each level costs one statement. The
 * target type's row rule applies here as on root fields: without one, the shared loader (which the cache layer may
 * serve); with one, a loader per distinct rule that asks the database for the rule's rows only.
 */
public final class Relations {
    /** The first {@code limit} related rows per key, in {@code orderBy} order, among the rows {@code rule} lets through, in one statement. */
    @FunctionalInterface
    public interface FirstPerKey<K, V> {
        List<V> load(Connection c, Collection<K> keys, List<OrderBy> orderBy, int limit, Filter rule) throws SQLException;
    }

    private Relations() {}

    /** The related value(s) of {@code key} through the shared loader {@code loader}; null when the key is null. */
    public static <K, V> Object load(DataFetchingEnvironment env, K key, String loader) {
        if (key == null) return null;
        DataLoader<K, V> shared = env.getDataLoader(loader);
        return shared.load(key);
    }

    /** Under a row rule: the shared loader when it lets every row through, else one built for the rule by {@code restricted}. */
    public static <K, V> Object load(DataFetchingEnvironment env, K key, String loader, Filter rule, Function<Filter, DataLoader<K, V>> restricted) {
        if (key == null) return null;
        if (rule.isAll()) return Relations.<K, V>load(env, key, loader);
        DataLoader<K, V> own = env.getDataLoaderRegistry().computeIfAbsent(loader + "|" + rule, name -> restricted.apply(rule));
        return own.load(key);
    }

    /**
     * Without arguments, the shared loader {@code loader} (one statement per level); with them, a loader per distinct
     * arguments (still one statement per level for every parent). Either way under the target's row rule.
     */
    public static <K, V> Object toMany(DataFetchingEnvironment env, ApiEngine api, K key, String loader, Map<String, String> targetScopes, Filter rule,
            FirstPerKey<K, V> limited, Function<Filter, DataLoader<K, List<V>>> restricted, Function<V, K> keyOf) {
        Integer first = env.getArgument("first");
        Object order = env.getArgument("orderBy");
        if (key == null || (first == null && order == null)) return Relations.<K, List<V>>load(env, key, loader, rule, restricted);
        List<OrderBy> orderBy = Inputs.orderBy(order, targetScopes, Auth.principal(env));
        int limit = Inputs.first(first, api.config().maxPageSize());
        DataLoader<K, List<V>> own = env.getDataLoaderRegistry().computeIfAbsent(loader + "|" + limit + "|" + orderBy + "|" + rule,
                name -> Batches.many(api.database(), (c, keys) -> limited.load(c, keys, orderBy, limit, rule), keyOf));
        return own.load(key);
    }
}
