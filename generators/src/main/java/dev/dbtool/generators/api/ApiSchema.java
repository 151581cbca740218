package dev.dbtool.generators.api;

import java.util.List;
import java.util.Optional;

/** Everything the Java and GraphQL generators need, derived from the schema model and the selection. */
public record ApiSchema(JavaSettings settings, List<ApiType> types, List<ApiEnum> enums, List<OperationSpec> operations) {
    public Optional<ApiType> type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public ApiType typeOf(OperationSpec op) { return type(op.model()).orElseThrow(); }

    public boolean hasEncryptedFields() { return types.stream().anyMatch(t -> t.fields().stream().anyMatch(ApiField::encrypted)); }

    public boolean hasHashedFields() { return types.stream().anyMatch(t -> t.fields().stream().anyMatch(ApiField::hashed)); }
}
