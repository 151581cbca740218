package dev.dbtool.core.physical;

/**
 * A column as PostgreSQL will hold it. {@code type} is the SQL type as Prisma writes it ({@code TEXT},
 * {@code VARCHAR(320)}, {@code "Role"}, {@code SERIAL}, {@code TEXT[]}); {@code defaultSql} the DEFAULT
 * expression or null.
 */
public record DbColumn(String name, String type, boolean notNull, String defaultSql) {}
