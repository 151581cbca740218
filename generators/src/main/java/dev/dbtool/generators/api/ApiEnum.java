package dev.dbtool.generators.api;

import java.util.List;

/** An enum used by an exposed field: GraphQL and Java use the DSL names, the database its {@code @map} names. */
public record ApiEnum(String name, String documentation, List<Value> values) {
    public record Value(String name, String databaseName) {}
}
