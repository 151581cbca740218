package dev.dbtool.core.model;

import java.util.List;

/** {@code @id} or {@code @@id}: {@code constraintName} is the explicit {@code map:} (null means Prisma's default). */
public record PrimaryKey(List<IndexField> fields, String clientName, String constraintName) {}
