package dev.dbtool.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Whole GraphQL results in Redis, for the root query fields marked cacheable. The key hashes the normalised query, its
 * variables, the caller's scopes (one caller's data is never served to another with other rights) and the current
 * generation of every model the query reads, so any write to one of them makes the entry unreachable at once. Results
 * with errors are never stored.
 */
public final class QueryCache {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private final RedisStore redis;
    private final CacheStats stats;
    private final String tag;
    private final Set<String> cachedFields;
    private final Map<String, ModelCache<?>> modelsByType;
    private final Set<String> sensitive;
    private final java.util.function.BooleanSupplier usable;
    private final SingleFlight flights;

    /**
     * @param modelsByType GraphQL type name (model, its Connection and Edge) → the model's cache
     * @param sensitive    {@code Type.field} of {@code @encrypted} fields: a query selecting one is never stored (its
     *                     plaintext must not reach Redis)
     * @param usable       false while invalidations could not reach Redis: no result is served from (or stored in) the
     *                     cache until they have, since its key would carry a generation the write has not moved yet
     */
    public QueryCache(RedisStore redis, CacheStats stats, String prefix, Set<String> cachedFields, Map<String, ModelCache<?>> modelsByType, Set<String> sensitive,
            java.util.function.BooleanSupplier usable) {
        this.usable = usable;
        this.flights = new SingleFlight(redis, stats);
        this.sensitive = Set.copyOf(sensitive);
        this.redis = redis;
        this.stats = stats;
        this.tag = "{" + prefix + ":query}";
        this.cachedFields = Set.copyOf(cachedFields);
        this.modelsByType = Map.copyOf(modelsByType);
    }

    /**
     * Adds the caches of the models a relation filter in {@code value} (of input type {@code type}) reaches; false when one
     * of them has no cache, whose writes would then go unnoticed (the result is not cached at all).
     */
    private boolean relationTargets(graphql.schema.GraphQLInputType type, Object value, Set<ModelCache<?>> read) {
        if (value == null || !(GraphQLTypeUtil.unwrapAll(type) instanceof graphql.schema.GraphQLInputObjectType object)) return true;
        if (value instanceof java.util.Collection<?> list) {
            for (Object each : list) if (!relationTargets(type, each, read)) return false;
            return true;
        }
        String name = object.getName();
        String target = name.endsWith("ListRelationFilter") ? name.substring(0, name.length() - "ListRelationFilter".length())
                : name.endsWith("RelationFilter") ? name.substring(0, name.length() - "RelationFilter".length()) : null;
        if (target != null) {
            ModelCache<?> m = modelsByType.get(target);
            if (m == null) return false;
            read.add(m);
        }
        if (!(value instanceof Map<?, ?> fields)) return true;
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            graphql.schema.GraphQLInputObjectField f = object.getField(String.valueOf(e.getKey()));
            if (f != null && !relationTargets(f.getType(), e.getValue(), read)) return false;
        }
        return true;
    }

    public ExecutionResult execute(GraphQLSchema schema, ExecutionInput input, Set<String> scopes, Supplier<ExecutionResult> run) {
        // the common case costs a substring scan, not a second parse: no cached field is even named
        String text = input.getQuery();
        if (cachedFields.isEmpty() || cachedFields.stream().noneMatch(text::contains)) return run.get();
        Document document;
        try {
            document = new Parser().parseDocument(input.getQuery());
        } catch (InvalidSyntaxException e) {
            return run.get();
        }
        OperationDefinition op = operation(document, input.getOperationName());
        if (op == null || op.getOperation() != OperationDefinition.Operation.QUERY || !allCached(op)) return run.get();
        Set<ModelCache<?>> read = new java.util.LinkedHashSet<>();
        boolean[] uncacheable = {false};
        try {
            QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(input.getOperationName())
                    .variables(input.getVariables()).build().visitPreOrder(new QueryVisitorStub() {
                        @Override
                        public void visitField(QueryVisitorFieldEnvironment env) {
                            if (sensitive.contains(GraphQLTypeUtil.simplePrint(env.getFieldsContainer()) + "." + env.getField().getName())) uncacheable[0] = true;
                            // relation counts read the related tables without naming their types: not tracked, not cached
                            if (env.getField().getName().equals("_count")) uncacheable[0] = true;
                            GraphQLType type = GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType());
                            ModelCache<?> m = modelsByType.get(GraphQLTypeUtil.simplePrint(type));
                            if (m != null) read.add(m);
                            // relation filters read other models: their writes must move the key too
                            for (graphql.schema.GraphQLArgument a : env.getFieldDefinition().getArguments()) {
                                if (!relationTargets(a.getType(), env.getArguments().get(a.getName()), read)) uncacheable[0] = true;
                            }
                        }
                    });
        } catch (RuntimeException e) {
            return run.get();
        }
        if (read.isEmpty() || uncacheable[0]) return run.get();
        if (!usable.getAsBoolean()) {
            stats.preventedStale();
            return run.get();
        }
        try {
            StringBuilder generations = new StringBuilder();
            long ttl = Long.MAX_VALUE;
            for (ModelCache<?> m : read) {
                generations.append(m.tag()).append('=').append(m.generation()).append(';');
                ttl = Math.min(ttl, m.ttlMillis());
            }
            String key = tag + ":" + Hashes.sha256(AstPrinter.printAstCompact(document) + "\n" + input.getOperationName() + "\n"
                    + JSON.writeValueAsString(new TreeMap<>(input.getVariables())) + "\n" + new TreeSet<>(scopes) + "\n" + generations);
            byte[] cached = redis.call(r -> r.get(key));
            ExecutionResult hit = cached == null ? null : decode(cached);
            if (hit != null) {
                stats.hit(1);
                return hit;
            }
            stats.miss(1);
            // concurrent misses of one result run the query once, in this process and across processes
            SingleFlight.Codec<ExecutionResult> results = new SingleFlight.Codec<>(QueryCache::decode, QueryCache::encode);
            ExecutionResult result = flights.load(Map.of(key, key), k -> java.util.Collections.singletonMap(key, run.get()), results, ttl).get(key);
            return result != null ? result : run.get();
        } catch (CacheUnavailable | IOException e) {
            return run.get();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e); // the query ran through graphql-java, which reports errors in the result
        }
    }

    /** A stored result, or null when unreadable (a miss). */
    private static ExecutionResult decode(byte[] bytes) {
        try {
            Map<?, ?> spec = JSON.readValue(bytes, Map.class);
            return ExecutionResultImpl.newExecutionResult().data(spec.get("data")).build();
        } catch (IOException e) {
            return null;
        }
    }

    /** The bytes to store, or null for a result that is not stored (errors, no data). */
    private static byte[] encode(ExecutionResult result) {
        if (!result.getErrors().isEmpty() || !result.isDataPresent()) return null;
        try {
            return JSON.writeValueAsBytes(result.toSpecification());
        } catch (IOException e) {
            return null;
        }
    }

    private boolean allCached(OperationDefinition op) {
        List<String> roots = new ArrayList<>();
        for (Selection<?> s : op.getSelectionSet().getSelections()) {
            if (!(s instanceof Field f)) return false;
            if (f.getName().startsWith("__")) return false;
            roots.add(f.getName());
        }
        return !roots.isEmpty() && cachedFields.containsAll(roots);
    }

    private static OperationDefinition operation(Document d, String name) {
        for (OperationDefinition op : d.getDefinitionsOfType(OperationDefinition.class)) {
            if (name == null || name.equals(op.getName())) return op;
        }
        return null;
    }
}
