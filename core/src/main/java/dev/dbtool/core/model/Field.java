package dev.dbtool.core.model;

import dev.dbtool.core.source.Span;

/** A field of a model, view or job. */
public sealed interface Field permits ScalarField, RelationField {
    String name();

    Arity arity();

    boolean ignored();

    String documentation();

    Span span();

    default boolean isRequired() { return arity() == Arity.REQUIRED; }

    default boolean isList() { return arity() == Arity.LIST; }
}
