package dev.dbtool.runtime;

import graphql.ExecutionResult;
import java.util.Map;

/**
 * What the model-independent runtime needs of a generated API: the generated {@code Api} class implements it, so the
 * HTTP endpoint, the server's {@code main} and the relation helpers compile and are tested without any model.
 */
public interface ApiEngine extends AutoCloseable {
    /** Runs one request as {@code principal}. */
    ExecutionResult execute(String query, String operationName, Map<String, Object> variables, Principal principal);

    /** True when the operation a request would run is a mutation (GET may only run queries); see {@link Operations}. */
    default boolean isMutation(String query, String operationName) {
        return Operations.isMutation(query, operationName, config().parserOptions());
    }

    ApiConfig config();

    Database database();

    /** Session ids for {@code Authorization: Session <id>}, or null without the cache layer. */
    SessionLookup sessionLookup();

    /** The filter model of a type, through which relation filters reach it; null for a type the API does not serve. */
    default FilterModel filterModel(String type) { return null; }

    /** The row rule of a type for {@code principal} (every row by default). */
    default Filter rule(String type, Principal principal) { return Filter.ALL; }

    /** What nested writes need of a type (its relations, typed create and update); null for types the API does not write. */
    default NestedWrites.Model writeModel(String type) { return null; }

    /** Whether writes of {@code type} are announced to subscriptions ({@link Events}); true for types with a subscription field. */
    default boolean publishes(String type) { return false; }

    /** The listener feeding this instance's subscriptions, or null when the API has none. */
    default EventHub eventHub() { return null; }

    /** Releases the API's own connections (the data source is the caller's). */
    @Override
    void close();
}
