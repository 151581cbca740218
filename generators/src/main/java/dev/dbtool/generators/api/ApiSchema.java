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

    /**
     * The same schema with the model or enum {@code from} exposed as {@code to} everywhere the API names it (its type,
     * the relations and fields pointing at it, its operations, its Java classes), and {@code note} added to its
     * description. Tables, columns and operation names stay.
     */
    public ApiSchema renamed(String from, String to, String note) {
        List<ApiType> newTypes = types.stream().map(t -> t.renamed(from, to, note)).toList();
        List<ApiEnum> newEnums = enums.stream().map(e -> e.name().equals(from) ? new ApiEnum(to, join(e.documentation(), note), e.values()) : e).toList();
        List<OperationSpec> newOperations = operations.stream().map(op -> op.model().equals(from) ? new OperationSpec(op.name(), op.kind(), to) : op).toList();
        Map<String, List<String>> newCascades = new java.util.TreeMap<>();
        cascades.forEach((k, v) -> newCascades.put(k.equals(from) ? to : k, v.stream().map(n -> n.equals(from) ? to : n).toList()));
        return new ApiSchema(settings, newTypes, newEnums, newOperations, cacheEnabled, cachedQueries, Map.copyOf(newCascades), jobs, workers);
    }

    static String join(String documentation, String note) {
        return documentation == null || documentation.isBlank() ? note : documentation + "\n" + note;
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
