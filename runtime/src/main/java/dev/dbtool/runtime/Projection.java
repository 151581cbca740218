package dev.dbtool.runtime;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.DataLoaderRegistry;

/**
 * Reading only the columns a request asks for: each relation fetcher records, under its loader's name, the fields its
 * selection needs (plus keys and the columns nested relations read); the loader's batch reads the union of what was
 * recorded, and NULL in every other column's place, so rows keep their shape. A registry that is not a
 * {@link Registry} (one an embedding framework made) records nothing, and every column is read.
 */
public final class Projection {
    /** The request's DataLoaders, and the fields wanted from each. */
    public static final class Registry extends DataLoaderRegistry {
        private final Map<String, Set<String>> wanted = new ConcurrentHashMap<>();

        Set<String> wanted(String loader) { return wanted.computeIfAbsent(loader, k -> ConcurrentHashMap.newKeySet()); }
    }

    /** How a type's rows are selected: field names in SELECT order, their column SQL, and the NULL that stands in for each. */
    public static final class Columns {
        private final List<String> fields;
        private final List<String> columns;
        private final List<String> nulls;
        private final List<String> always;
        private final Map<String, List<String>> relationNeeds;
        private static final int MAX_REMEMBERED = 256;
        private final Map<String, String> cached = new ConcurrentHashMap<>();

        /**
         * {@code casts}: each column's type (its NULL is cast to it); {@code always}: fields read whatever is asked (the key);
         * {@code relationNeeds}: for each relation field of the type, the fields its fetcher reads from the row.
         */
        public Columns(List<String> fields, List<String> columns, List<String> casts, List<String> always, Map<String, List<String>> relationNeeds) {
            this.fields = List.copyOf(fields);
            this.columns = List.copyOf(columns);
            this.nulls = casts.stream().map(c -> "NULL::" + c).toList();
            this.always = List.copyOf(always);
            this.relationNeeds = Map.copyOf(relationNeeds);
        }

        /** The SELECT list (columns prefixed with {@code alias}) for these fields; every column when {@code wanted} is null. */
        public String select(Set<String> wanted, String alias) {
            if (wanted == null) return all(alias);
            String key = alias + "|" + String.join(",", new java.util.TreeSet<>(wanted));
            String known = cached.get(key);
            if (known != null) return known;
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(wanted.contains(fields.get(i)) || always.contains(fields.get(i)) ? alias + columns.get(i) : nulls.get(i));
            }
            // clients choose the selections: remember a bounded number of them
            if (cached.size() < MAX_REMEMBERED) cached.put(key, b.toString());
            return b.toString();
        }

        private String all(String alias) {
            return cached.computeIfAbsent(alias + "|*", k -> String.join(", ", columns.stream().map(c -> alias + c).toList()));
        }

        /** The fields of this type the field being fetched selects (relations mapped to the fields they read), plus {@code extra}. */
        public Set<String> selectedBy(DataFetchingEnvironment env, String glob, Collection<String> extra) {
            Set<String> out = new LinkedHashSet<>(extra);
            out.addAll(always);
            List<SelectedField> selected = glob == null ? env.getSelectionSet().getImmediateFields() : env.getSelectionSet().getFields(glob);
            for (SelectedField f : selected) {
                List<String> needs = relationNeeds.get(f.getName());
                if (needs != null) out.addAll(needs);
                else out.add(f.getName());
            }
            return out;
        }
    }

    private Projection() {}

    /** Whether {@code type} (or a superclass below {@code base}) declares {@code method}: a user's hook that wants whole rows. */
    public static boolean overrides(Class<?> type, Class<?> base, String method, Class<?>... parameters) {
        for (Class<?> c = type; c != null && c != base; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(method, parameters);
                return true;
            } catch (NoSuchMethodException e) {
                // not here: look further up
            }
        }
        return false;
    }

    /** Records that a fetch through {@code loader} needs {@code fields}. */
    public static void want(DataFetchingEnvironment env, String loader, Set<String> fields) {
        if (env.getDataLoaderRegistry() instanceof Registry r) r.wanted(loader).addAll(fields);
    }

    /** The fields every fetch through {@code loader} recorded so far; null (every column) outside our registry. */
    public static Set<String> wanted(DataLoaderRegistry registry, String loader) {
        if (!(registry instanceof Registry r)) return null;
        Set<String> w = r.wanted(loader);
        return w.isEmpty() ? null : Set.copyOf(w);
    }
}
