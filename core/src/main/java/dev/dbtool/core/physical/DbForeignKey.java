package dev.dbtool.core.physical;

import java.util.List;

/** A foreign key; {@code onDelete}/{@code onUpdate} are SQL ({@code CASCADE}, {@code SET NULL}, …). */
public record DbForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                           List<String> referencedColumns, String onDelete, String onUpdate) {}
