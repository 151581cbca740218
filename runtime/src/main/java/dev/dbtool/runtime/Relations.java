package dev.dbtool.runtime;

import graphql.schema.DataFetchingEnvironment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dataloader.DataLoader;

/** The data fetchers of relation fields: through the request's DataLoaders, so each level costs one statement. */
public final class Relations {
    /** The first {@code limit} related rows per key, in {@code orderBy} order, for every key in one statement. */
    @FunctionalInterface
    public interface FirstPerKey<K, V> {
        List<V> load(Connection c, Collection<K> keys, List<OrderBy> orderBy, int limit) throws SQLException;
    }

    private Relations() {}

    /** The related value(s) of {@code key} through the shared loader {@code loader}; null when the key is null. */
    public static <K, V> Object load(DataFetchingEnvironment env, K key, String loader) {
        if (key == null) return null;
        DataLoader<K, V> shared = env.getDataLoader(loader);
        return shared.load(key);
    }

    /**
     * Without arguments, the shared loader {@code loader} (one statement per level); with them, a loader per distinct
     * arguments (still one statement per level for every parent).
     */
    public static <K, V> Object toMany(DataFetchingEnvironment env, ApiEngine api, K key, String loader, Map<String, String> targetScopes, FirstPerKey<K, V> limited,
            Function<V, K> keyOf) {
        Integer first = env.getArgument("first");
        Object order = env.getArgument("orderBy");
        if (key == null || (first == null && order == null)) return Relations.<K, List<V>>load(env, key, loader);
        List<OrderBy> orderBy = Inputs.orderBy(order, targetScopes, Auth.principal(env));
        int limit = Inputs.first(first, api.config().maxPageSize());
        DataLoader<K, List<V>> own = env.getDataLoaderRegistry().computeIfAbsent(loader + "|" + limit + "|" + orderBy,
                name -> Batches.many(api.database(), (c, keys) -> limited.load(c, keys, orderBy, limit), keyOf));
        return own.load(key);
    }
}
