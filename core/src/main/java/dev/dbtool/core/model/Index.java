package dev.dbtool.core.model;

import java.util.List;

import dev.dbtool.core.source.Span;

/**
 * A unique constraint or an index ({@code @unique}, {@code @@unique}, {@code @@index}). {@code algorithm} is the
 * index type ({@code BTree}, {@code Hash}, {@code Gin}, {@code Gist}, {@code SpGist}, {@code Brin});
 * {@code where} is the predicate of a partial index (dbtool extension); {@code span} the attribute that made it.
 */
public record Index(boolean unique, List<IndexField> fields, String constraintName, String clientName, String algorithm,
                    String where, Span span) {}
