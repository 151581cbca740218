package dev.dbtool.core.model;

import dev.dbtool.core.source.Span;

/**
 * A column-backed field. {@code columnName} is the database name ({@code @map} or the field name);
 * {@code nativeType} is null when no {@code @db.*} is given.
 */
public record ScalarField(String name, String columnName, FieldKind kind, Arity arity, NativeType nativeType,
                          DefaultValue defaultValue, boolean updatedAt, boolean ignored, FieldExtensions extensions,
                          String documentation, Span span) implements Field {}
