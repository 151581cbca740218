package dev.dbtool.runtime;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.ResultPath;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns what a data fetcher throws into GraphQL errors with {@code extensions.code}. Database errors are classified
 * by SQLSTATE (unique → CONFLICT with the fields, foreign key / check / not-null → BAD_USER_INPUT); no SQL text, no
 * constraint internals and no stack trace ever reach the client: unknown errors are logged here and answered with a
 * generic INTERNAL_SERVER_ERROR.
 */
public final class ErrorHandler implements DataFetcherExceptionHandler {
    private static final System.Logger LOG = System.getLogger(ErrorHandler.class.getName());
    private final Map<String, ConstraintInfo> constraints;

    /** What a named constraint means, for the error a violation becomes. */
    public record ConstraintInfo(String type, List<String> fields) {}

    public ErrorHandler(Map<String, ConstraintInfo> constraints) { this.constraints = Map.copyOf(constraints); }

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters p) {
        Throwable t = p.getException();
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) t = t.getCause();
        ApiException api = classify(t);
        List<GraphQLError> errors = new ArrayList<>();
        ResultPath path = p.getPath();
        if (api.problems().isEmpty()) errors.add(error(p, path, api.getMessage(), api.code(), api.extensions(), null));
        else for (ApiException.Problem problem : api.problems()) errors.add(error(p, path, problem.message(), api.code(), api.extensions(), problem.path()));
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult().errors(errors).build());
    }

    private static GraphQLError error(DataFetcherExceptionHandlerParameters p, ResultPath path, String message, String code, Map<String, Object> more,
            List<Object> field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) extensions.put("field", field);
        extensions.putAll(more);
        return GraphqlErrorBuilder.newError().message(message).path(path).location(p.getSourceLocation()).extensions(extensions).build();
    }

    /**
     * Gives every error of a result an {@code extensions.code}, also those graphql-java raises itself before any
     * resolver runs: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST (bad-faith introspection, unknown
     * operation), INTERNAL_SERVER_ERROR otherwise.
     */
    public static graphql.ExecutionResult withCodes(graphql.ExecutionResult result) {
        if (result.getErrors().isEmpty()) return result;
        List<GraphQLError> errors = new ArrayList<>();
        for (GraphQLError e : result.getErrors()) {
            if (e.getExtensions() != null && e.getExtensions().containsKey("code")) {
                errors.add(e);
                continue;
            }
            String type = e.getErrorType() == null ? "" : e.getErrorType().toString();
            String code = switch (type) {
                case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
                case "ValidationError" -> "GRAPHQL_VALIDATION_FAILED";
                case "BadFaithIntrospection", "OperationNotSupported" -> "BAD_REQUEST";
                default -> "INTERNAL_SERVER_ERROR";
            };
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (e.getExtensions() != null) extensions.putAll(e.getExtensions());
            extensions.put("code", code);
            GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().message(e.getMessage()).errorType(e.getErrorType()).extensions(extensions);
            if (e.getLocations() != null) b.locations(e.getLocations());
            if (e.getPath() != null) b.path(e.getPath());
            errors.add(b.build());
        }
        return result.transform(r -> r.errors(errors));
    }

    ApiException classify(Throwable t) {
        if (t instanceof ApiException api) return api;
        SQLException sql = t instanceof SQLException s ? s : t != null && t.getCause() instanceof SQLException s ? s : null;
        if (sql != null && sql.getSQLState() != null) {
            String constraint = sql instanceof org.postgresql.util.PSQLException pe && pe.getServerErrorMessage() != null
                    ? pe.getServerErrorMessage().getConstraint() : null;
            ConstraintInfo info = constraint == null ? null : constraints.get(constraint);
            switch (sql.getSQLState()) {
                case "23505":
                    return ApiException.conflict(info == null ? "row" : info.type(), info == null ? List.of() : info.fields());
                case "23503":
                    return new ApiException("BAD_USER_INPUT", info == null ? "A referenced row does not exist, or other rows still refer to this one."
                            : "The " + String.join(", ", info.fields()) + " of this " + info.type() + " refers to a row that does not exist, or other rows still refer to it.",
                            List.of(), info == null ? Map.of() : Map.of("fields", info.fields()));
                case "23514":
                    // the constraint's name is the schema's business, not the client's: name the fields it checks
                    return new ApiException("BAD_USER_INPUT", info == null || info.fields().isEmpty() ? "The values break a rule of this row."
                            : "The " + String.join(", ", info.fields()) + " of this " + info.type() + " break" + (info.fields().size() == 1 ? "s" : "")
                            + " one of its rules.", List.of(), info == null ? Map.of() : Map.of("fields", info.fields()));
                case "23502":
                    return new ApiException("BAD_USER_INPUT", "A required value is missing.", List.of(), Map.of());
                case "22P02", "22001", "22003", "22007", "22008":
                    return new ApiException("BAD_USER_INPUT", "A value has the wrong format or is out of range.", List.of(), Map.of());
                case "22021", "22P05":
                    // a NUL byte (or a character the database encoding lacks) in a text value
                    return new ApiException("BAD_USER_INPUT", "A text value holds a character that cannot be stored (such as a NUL byte).", List.of(), Map.of());
                case "54000", "54001":
                    return new ApiException("BAD_USER_INPUT", "A value is too large.", List.of(), Map.of());
                case "42601":
                    // to_tsquery rejects a malformed search text with a syntax error naming tsquery; any other syntax error is ours
                    if (String.valueOf(sql.getMessage()).contains("tsquery")) {
                        return new ApiException("BAD_USER_INPUT", "The search text is not valid: join words with & (and), | (or), ! (not), <-> (followed by).",
                                List.of(), Map.of());
                    }
                    break;
                default:
                    break;
            }
        }
        // one line per failure; the stack trace only when this logger is at DEBUG
        LOG.log(System.Logger.Level.ERROR, "resolver failed: " + t);
        LOG.log(System.Logger.Level.DEBUG, "resolver failed", t);
        return new ApiException("INTERNAL_SERVER_ERROR", "Internal server error.", List.of(), Map.of());
    }
}
