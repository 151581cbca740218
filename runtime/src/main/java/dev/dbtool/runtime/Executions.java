package dev.dbtool.runtime;

import graphql.ExecutionInput;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import java.util.HashMap;
import java.util.Map;
import org.dataloader.DataLoaderRegistry;

/** The execution input of one request: the principal, the parser's token limits and whether it may introspect. */
public final class Executions {
    private Executions() {}

    /**
     * A mutation marked {@code @transaction}: every field in one transaction, committed only when no field failed. A
     * commit PostgreSQL refuses (a deferred constraint, a serialization failure) becomes the request's error.
     */
    public static graphql.ExecutionResult atomically(Database database, java.util.function.Supplier<graphql.ExecutionResult> run) {
        try {
            return database.atomically(run, r -> r.getErrors().isEmpty());
        } catch (java.sql.SQLException e) {
            return graphql.ExecutionResult.newExecutionResult().addError(graphql.GraphqlErrorBuilder.newError()
                    .message("The transaction did not commit; nothing was written.").extensions(Map.of("code", "INTERNAL_SERVER_ERROR")).build()).build();
        }
    }

    public static ExecutionInput input(ApiConfig config, String query, String operationName, Map<String, Object> variables, Principal principal,
            DataLoaderRegistry loaders) {
        Map<Object, Object> context = new HashMap<>();
        context.put(Auth.PRINCIPAL, principal);
        context.put(ParserOptions.class, config.parserOptions());
        context.put(Introspection.INTROSPECTION_DISABLED, !config.introspection().allows(principal));
        return ExecutionInput.newExecutionInput().query(query).operationName(Operations.normalizedName(operationName))
                .variables(variables == null ? Map.of() : variables).dataLoaderRegistry(loaders).graphQLContext(context).build();
    }
}
