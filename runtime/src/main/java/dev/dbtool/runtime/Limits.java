package dev.dbtool.runtime;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import java.util.List;
import java.util.Map;

/**
 * Query depth and complexity limits, checked before anything runs. A field costs 1 plus its children; a connection
 * multiplies its children by the page size asked for ({@code first}/{@code last}, else the default page), a relation
 * list by its {@code first}, else by {@link #ASSUMED_FAN_OUT}. So the figure estimates the rows a query may return. Rejections carry {@code extensions.code} QUERY_TOO_DEEP / QUERY_TOO_COMPLEX.
 */
public final class Limits {
    public static final int ASSUMED_FAN_OUT = 10;

    private Limits() {}

    public static Instrumentation instrumentation(int maxDepth, int maxComplexity) {
        MaxQueryDepthInstrumentation depth = new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            protected AbortExecutionException mkAbortException(int found, int max) {
                return abort("The query is " + found + " levels deep; the limit is " + max + ".", "QUERY_TOO_DEEP");
            }
        };
        MaxQueryComplexityInstrumentation complexity = new MaxQueryComplexityInstrumentation(maxComplexity, Limits::complexity) {
            @Override
            protected AbortExecutionException mkAbortException(int found, int max) {
                return abort("The query's complexity is " + found + "; the limit is " + max + ".", "QUERY_TOO_COMPLEX");
            }
        };
        return new ChainedInstrumentation(List.of(depth, complexity));
    }

    static int complexity(FieldComplexityEnvironment env, int children) {
        Map<String, Object> args = env.getArguments();
        Object n = args.get("first") != null ? args.get("first") : args.get("last");
        GraphQLType type = env.getFieldDefinition().getType();
        if (type instanceof GraphQLNonNull nn) type = nn.getWrappedType();
        boolean connection = typeName(type).endsWith("Connection");
        if (connection) return 1 + (n instanceof Integer i ? Math.max(i, 1) : PageRequest.DEFAULT_SIZE) * children;
        // a connection's edges are already counted by its page size
        if (env.getParentType().getName().endsWith("Connection")) return 1 + children;
        if (type instanceof GraphQLList) return 1 + (n instanceof Integer i ? Math.max(i, 1) : ASSUMED_FAN_OUT) * children;
        return 1 + children;
    }

    private static String typeName(GraphQLType type) { return graphql.schema.GraphQLTypeUtil.simplePrint(type); }

    private static AbortExecutionException abort(String message, String code) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build()));
    }
}
