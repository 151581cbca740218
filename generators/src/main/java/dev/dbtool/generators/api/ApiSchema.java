package dev.dbtool.generators.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the Java and GraphQL generators need, derived from the schema model and the selection. */
public record ApiSchema(JavaSettings settings, List<ApiType> types, List<ApiEnum> enums, List<OperationSpec> operations, boolean cacheEnabled,
                        List<String> cachedQueries, Map<String, List<String>> cascades, List<dev.dbtool.core.model.Job> jobs, List<String> workers) {
    public ApiSchema(JavaSettings settings, List<ApiType> types, List<ApiEnum> enums, List<OperationSpec> operations) {
        this(settings, types, enums, operations, false, List.of(), Map.of(), List.of(), List.of());
    }

    /** The same schema with the selected jobs. */
    public ApiSchema withJobs(List<dev.dbtool.core.model.Job> selectedJobs, List<String> selectedWorkers) {
        return new ApiSchema(settings, types, enums, operations, cacheEnabled, cachedQueries, cascades, selectedJobs, selectedWorkers);
    }

    /** Whether there is a GraphQL API to generate (a type or an operation). */
    public boolean hasApi() { return !types.isEmpty() || !operations.isEmpty(); }

    public List<ApiType> cachedTypes() { return types.stream().filter(ApiType::cached).toList(); }

    public Optional<ApiType> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public ApiType typeOf(OperationSpec op) { return type(op.model()).orElseThrow(); }

    public boolean hasEncryptedFields() { return types.stream().anyMatch(t -> t.fields().stream().anyMatch(ApiField::encrypted)); }

    public boolean hasHashedFields() { return types.stream().anyMatch(t -> t.fields().stream().anyMatch(ApiField::hashed)); }
}
