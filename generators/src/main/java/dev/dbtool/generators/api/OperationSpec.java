package dev.dbtool.generators.api;

/** One root field the project asked for with {@code dbtool gql-query}: its name, kind and model. */
public record OperationSpec(String name, OperationKind kind, String model) {}
