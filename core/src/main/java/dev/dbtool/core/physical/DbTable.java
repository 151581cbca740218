package dev.dbtool.core.physical;

import java.util.List;
import java.util.Optional;

/** A table; {@code schema} is null for the default schema ({@code public} unless the URL says otherwise). */
public record DbTable(String schema, String name, List<DbColumn> columns, DbPrimaryKey primaryKey, List<DbIndex> indexes,
                      List<DbForeignKey> foreignKeys, List<DbCheck> checks) {

    public String qualifiedName() { return SqlNames.qualified(schema, name); }

    public Optional<DbColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
