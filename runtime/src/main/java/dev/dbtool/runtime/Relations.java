package dev.dbtool.runtime;

import graphql.schema.DataFetchingEnvironment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * The data fetchers of relation fields: through the request's DataLoaders, so each level costs one statement. The
 * target type's row rule applies here as on root fields: without one, the shared loader (which the cache layer may
 * serve); with one, a loader per distinct rule that asks the database for the rule's rows only. Each fetch records
 * the fields it selects ({@link Projection}), so a loader reading from the database reads only those columns.
 */
public final class Relations {
    /**
     * The first {@code limit} related rows per key, in {@code orderBy} order, among the rows {@code rule} lets through, in
     * one statement, reading the {@code wanted} fields (all when null).
     */
    @FunctionalInterface
    public interface FirstPerKey<K, V> {
        List<V> load(Connection c, Collection<K> keys, List<OrderBy> orderBy, int limit, Filter rule, Set<String> wanted, Start start) throws SQLException;
    }

    /** Loads the rows of these keys (the cache layer's misses). */
    @FunctionalInterface
    public interface GroupLoad<K, V> {
        List<V> load(Connection c, Collection<K> keys) throws SQLException;
    }

    /**
     * The target model's cached relation groups (the cache layer's {@code ModelCache.groups}) under {@code name},
     * loading misses with {@code load}; the generated code passes null when the model is not cached (and an API without
     * the cache layer has no ModelCache at all, so nothing here names it).
     */
    @FunctionalInterface
    public interface CachedGroups<K, V> {
        Map<K, List<V>> groups(String name, Set<K> keys, GroupLoad<K, V> load) throws SQLException;
    }

    /** A loader for the rows a row rule lets through, reading the fields {@code wanted} supplies when it runs. */
    @FunctionalInterface
    public interface Restricted<K, V> {
        DataLoader<K, V> create(Filter rule, Supplier<Set<String>> wanted);
    }

    /** {@link FirstPerKey} for a many-to-many relation: the rows come grouped by the parent key (the link holds it, not the row). */
    @FunctionalInterface
    public interface FirstPerKeyGrouped<K, V> {
        Map<K, List<V>> load(Connection c, Collection<K> keys, List<OrderBy> orderBy, int limit, Filter rule, Set<String> wanted, Start start) throws SQLException;
    }

    private Relations() {}

    /**
     * A many-to-many relation list with {@code where}, {@code first} and {@code orderBy}: as {@link #toMany}, the rows of
     * every parent of a level in one statement (through the join table), under the target's row rule.
     */
    public static <K, V> Object toManyThrough(DataFetchingEnvironment env, ApiEngine api, K key, String loader, FilterModel target, Filter rule,
            Set<String> fields, FirstPerKeyGrouped<K, V> limited, Restricted<K, List<V>> restricted) {
        Integer first = env.getArgument("first");
        Object order = env.getArgument("orderBy");
        Filter narrowed = rule.andAlso(Inputs.where(env.getArgument("where"), target, api, Auth.principal(env)));
        Start start = Start.of(env.getArgument("cursor"), env.getArgument("skip"));
        if (key == null || (first == null && order == null && start.atFirst())) return Relations.<K, List<V>>load(env, key, loader, narrowed, fields, restricted);
        List<OrderBy> orderBy = orderBy(order, target, api, Auth.principal(env), start);
        int limit = Inputs.first(first, api.config().maxPageSize());
        String name = loader + "|" + limit + "|" + orderBy + "|" + narrowed + "|" + start;
        DataLoaderRegistry registry = env.getDataLoaderRegistry();
        Projection.want(env, name, fields);
        DataLoader<K, List<V>> own = registry.computeIfAbsent(name,
                n -> Batches.<K, V>grouped(api.database(), (c, keys) -> limited.load(c, keys, orderBy, limit, narrowed, Projection.wanted(registry, name), start)));
        return own.load(key);
    }

    /** A relation list's ordering; a cursor places rows by the target's own fields, so not with a key across relations. */
    private static List<OrderBy> orderBy(Object order, FilterModel target, ApiEngine api, Principal principal, Start start) {
        List<OrderBy> orderBy = Inputs.orderBy(order, target, api, principal);
        if (start.cursor() != null && OrderBy.crossesRelations(orderBy))
            throw ApiException.badUserInput(List.of("cursor"), "A cursor follows an ordering by the list's own fields, not across relations.");
        return orderBy;
    }

    /** The related value(s) of {@code key} through the shared loader {@code loader}; null when the key is null. */
    public static <K, V> Object load(DataFetchingEnvironment env, K key, String loader) {
        if (key == null) return null;
        DataLoader<K, V> shared = env.getDataLoader(loader);
        return shared.load(key);
    }

    /** Under a row rule, selecting {@code fields}: the shared loader when the rule lets every row through, else one built for the rule. */
    public static <K, V> Object load(DataFetchingEnvironment env, K key, String loader, Filter rule, Set<String> fields, Restricted<K, V> restricted) {
        if (key == null) return null;
        String name = rule.isAll() ? loader : loader + "|" + rule;
        Projection.want(env, name, fields);
        if (rule.isAll()) return Relations.<K, V>load(env, key, loader);
        DataLoaderRegistry registry = env.getDataLoaderRegistry();
        DataLoader<K, V> own = registry.computeIfAbsent(name, n -> restricted.create(rule, () -> Projection.wanted(registry, name)));
        return own.load(key);
    }

    /**
     * Without arguments, the shared loader {@code loader} (one statement per level); with them, a loader per distinct
     * arguments (still one statement per level for every parent). Either way under the target's row rule. With
     * arguments and no rule to apply, the first rows per key come from the cache when {@code cached} is given: they are
     * relation groups of their own, one per distinct {@code first}/{@code orderBy}, dropped by any write of the target
     * model like every other group.
     */
    public static <K, V> Object toMany(DataFetchingEnvironment env, ApiEngine api, K key, String loader, FilterModel target, Filter rule,
            Set<String> fields, FirstPerKey<K, V> limited, Restricted<K, List<V>> restricted, Function<V, K> keyOf) {
        return toMany(env, api, key, loader, target, rule, fields, limited, restricted, keyOf, null);
    }

    /**
     * {@code where} narrows the list like a row rule does, in the same batched statement (it joins the rule; a list
     * with a {@code where} is not read from the cache), relation filters included.
     */
    public static <K, V> Object toMany(DataFetchingEnvironment env, ApiEngine api, K key, String loader, FilterModel target, Filter rule,
            Set<String> fields, FirstPerKey<K, V> limited, Restricted<K, List<V>> restricted, Function<V, K> keyOf, CachedGroups<K, V> cached) {
        Integer first = env.getArgument("first");
        Object order = env.getArgument("orderBy");
        Filter where = Inputs.where(env.getArgument("where"), target, api, Auth.principal(env));
        Filter narrowed = rule.andAlso(where);
        Start start = Start.of(env.getArgument("cursor"), env.getArgument("skip"));
        if (key == null || (first == null && order == null && start.atFirst())) return Relations.<K, List<V>>load(env, key, loader, narrowed, fields, restricted);
        List<OrderBy> orderBy = orderBy(order, target, api, Auth.principal(env), start);
        int limit = Inputs.first(first, api.config().maxPageSize());
        String name = loader + "|" + limit + "|" + orderBy + "|" + narrowed + "|" + start;
        DataLoaderRegistry registry = env.getDataLoaderRegistry();
        // a list from a cursor is read from the database (a cached group would have to follow the cursor row's writes)
        if (cached != null && narrowed.isAll() && start.atFirst() && !OrderBy.crossesRelations(orderBy)) {
            // cached rows are whole rows (the cache serves every selection), so no projection is recorded
            String group = Hashes.sha256(name).substring(0, 16);
            DataLoader<K, List<V>> viaCache = registry.computeIfAbsent(name + "|cache",
                    n -> Batches.<K, V>groupedVia(keys -> cached.groups(group, keys, (c, ks) -> limited.load(c, ks, orderBy, limit, Filter.ALL, null, start))));
            return viaCache.load(key);
        }
        Projection.want(env, name, fields);
        DataLoader<K, List<V>> own = registry.computeIfAbsent(name,
                n -> Batches.many(api.database(), (c, keys) -> limited.load(c, keys, orderBy, limit, narrowed, Projection.wanted(registry, name), start), keyOf));
        return own.load(key);
    }
}
