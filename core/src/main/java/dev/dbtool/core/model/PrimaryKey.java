package dev.dbtool.core.model;

import java.util.List;

import dev.dbtool.core.source.Span;

/**
 * {@code @id} or {@code @@id}: {@code constraintName} is the explicit {@code map:} (null means Prisma's default);
 * {@code span} the attribute that made it.
 */
public record PrimaryKey(List<IndexField> fields, String clientName, String constraintName, Span span) {}
