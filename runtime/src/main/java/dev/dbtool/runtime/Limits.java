package dev.dbtool.runtime;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;

/**
 * Query limits, checked on every request before anything runs (also for documents the parsed-query cache holds):
 * depth, complexity, aliases and field selections (fragments expanded). A field costs 1 plus its children; a
 * connection multiplies its children by the page size asked for ({@code first}/{@code last}, else the default page),
 * a relation list by its {@code first}, else by {@link #ASSUMED_FAN_OUT}; so the figure estimates the rows a query may
 * return. The arithmetic saturates at {@link Long#MAX_VALUE}: no sum of aliases can wrap around below the limit.
 * Introspection fields ({@code __schema}, {@code __type}) are bounded by the schema and gated on their own. Rejections
 * carry {@code extensions.code} QUERY_TOO_DEEP, QUERY_TOO_COMPLEX, QUERY_TOO_MANY_ALIASES or QUERY_TOO_LARGE.
 */
public final class Limits {
    public static final int ASSUMED_FAN_OUT = 10;

    private Limits() {}

    public static Instrumentation instrumentation(ApiConfig config) {
        return new Checker(config.maxDepth(), config.maxComplexity(), config.maxAliases(), config.maxFields());
    }

    /** Depth and complexity only, with the document limits' defaults. */
    public static Instrumentation instrumentation(int maxDepth, int maxComplexity) {
        return new Checker(maxDepth, maxComplexity, ApiConfig.DEFAULT_MAX_ALIASES, ApiConfig.DEFAULT_MAX_FIELDS);
    }

    /** What one operation asks for. */
    public record Measure(int depth, long complexity, int aliases, int fields) {}

    private static final class Checker extends SimplePerformantInstrumentation {
        private final int maxDepth;
        private final long maxComplexity;
        private final int maxAliases;
        private final int maxFields;

        Checker(int maxDepth, long maxComplexity, int maxAliases, int maxFields) {
            this.maxDepth = maxDepth;
            this.maxComplexity = maxComplexity;
            this.maxAliases = maxAliases;
            this.maxFields = maxFields;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            Measure m = measure(parameters.getExecutionContext(), maxFields);
            if (m.aliases() > maxAliases) throw abort("The query uses " + m.aliases() + " aliases; the limit is " + maxAliases + ".", "QUERY_TOO_MANY_ALIASES");
            if (m.fields() > maxFields) throw abort("The query selects " + m.fields() + " fields; the limit is " + maxFields + ".", "QUERY_TOO_LARGE");
            if (m.depth() > maxDepth) throw abort("The query is " + m.depth() + " levels deep; the limit is " + maxDepth + ".", "QUERY_TOO_DEEP");
            if (m.complexity() > maxComplexity) {
                throw abort("The query's complexity is " + (m.complexity() == Long.MAX_VALUE ? "beyond counting" : m.complexity()) + "; the limit is "
                        + maxComplexity + ".", "QUERY_TOO_COMPLEX");
            }
            return super.beginExecuteOperation(parameters, state);
        }
    }

    /**
     * Measures the operation an execution runs, walking its selections with every fragment expanded where it is spread
     * (graphql-java's own traverser visits a fragment once per document, so a fragment spread in many places would be
     * counted once). The walk stops once more than {@code stopAfterFields} fields are seen, so nested fragments cannot
     * make the count itself expensive.
     */
    public static Measure measure(ExecutionContext ctx, int stopAfterFields) {
        Walk w = new Walk(ctx, stopAfterFields);
        long cost = w.selections(ctx.getOperationDefinition().getSelectionSet(), rootType(ctx), 1);
        return new Measure(w.depth, cost, w.aliases, w.fields);
    }

    private static GraphQLCompositeType rootType(ExecutionContext ctx) {
        GraphQLSchema schema = ctx.getGraphQLSchema();
        return switch (ctx.getOperationDefinition().getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    private static final class Walk {
        private final ExecutionContext ctx;
        private final int stopAfter;
        int depth;
        int aliases;
        int fields;

        Walk(ExecutionContext ctx, int stopAfter) {
            this.ctx = ctx;
            this.stopAfter = stopAfter;
        }

        long selections(SelectionSet set, GraphQLCompositeType parent, int level) {
            long total = 0;
            if (set == null) return 0;
            for (Selection<?> s : set.getSelections()) {
                if (fields > stopAfter) return total;
                if (s instanceof Field f) {
                    if (f.getAlias() != null) aliases++;
                    if (f.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) continue; // introspection: gated on its own
                    GraphQLFieldDefinition def = container.getFieldDefinition(f.getName());
                    if (def == null) continue;
                    fields++;
                    depth = Math.max(depth, level);
                    GraphQLType childType = GraphQLTypeUtil.unwrapAll(def.getType());
                    long children = childType instanceof GraphQLCompositeType c ? selections(f.getSelectionSet(), c, level + 1) : 0;
                    total = add(total, cost(def.getType(), parent, size(f, def), children));
                } else if (s instanceof InlineFragment i) {
                    total = add(total, selections(i.getSelectionSet(), typeOf(i.getTypeCondition(), parent), level));
                } else if (s instanceof FragmentSpread spread) {
                    FragmentDefinition def = ctx.getFragmentsByName().get(spread.getName());
                    if (def != null) total = add(total, selections(def.getSelectionSet(), typeOf(def.getTypeCondition(), parent), level));
                }
            }
            return total;
        }

        private GraphQLCompositeType typeOf(TypeName condition, GraphQLCompositeType fallback) {
            return condition != null && ctx.getGraphQLSchema().getType(condition.getName()) instanceof GraphQLCompositeType c ? c : fallback;
        }

        /** {@code first} or {@code last}, literal or from a variable, else {@code first}'s default in the schema; -1 without any. */
        private long size(Field f, GraphQLFieldDefinition def) {
            for (String name : List.of("first", "last")) {
                Argument a = f.getArguments().stream().filter(x -> x.getName().equals(name)).findFirst().orElse(null);
                if (a == null) continue;
                Object v = a.getValue() instanceof IntValue i ? i.getValue()
                        : a.getValue() instanceof VariableReference ref ? ctx.getCoercedVariables().get(ref.getName()) : null;
                if (v instanceof Number n) return Math.max(n.longValue(), 1);
                if (v instanceof java.math.BigInteger b) return b.signum() > 0 ? Long.MAX_VALUE : 1;
            }
            graphql.schema.GraphQLArgument first = def.getArgument("first");
            if (first != null && first.hasSetDefaultValue() && first.getArgumentDefaultValue().getValue() instanceof IntValue i) return Math.max(i.getValue().longValue(), 1);
            return -1;
        }
    }

    static long cost(GraphQLOutputType type, GraphQLCompositeType parent, long size, long children) {
        GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
        if (connection(t)) return add(1, multiply(size > 0 ? size : PageRequest.DEFAULT_SIZE, children));
        // a connection's edges are already counted by its page size
        if (connection(parent)) return add(1, children);
        if (t instanceof GraphQLList) return add(1, multiply(size > 0 ? size : ASSUMED_FAN_OUT, children));
        return add(1, children);
    }

    /** A Relay connection, known by its {@code edges}: a model may itself be called {@code Connection} (sourcebot's is). */
    private static boolean connection(GraphQLType t) {
        return t instanceof graphql.schema.GraphQLObjectType o && o.getName().endsWith("Connection") && o.getFieldDefinition("edges") != null;
    }

    static long add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r; // both are never negative: an overflow saturates
    }

    static long multiply(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static AbortExecutionException abort(String message, String code) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build()));
    }
}
