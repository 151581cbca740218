package dev.dbtool.core.model;

/**
 * One entry of the datasource's {@code extensions = […]}: {@code name} as the schema writes it, {@code databaseName}
 * its PostgreSQL name ({@code map:}, else the name), and the optional {@code schema:} and {@code version:}.
 */
public record ExtensionSpec(String name, String databaseName, String schema, String version) {}
