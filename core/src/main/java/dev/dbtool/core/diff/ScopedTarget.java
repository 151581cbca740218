package dev.dbtool.core.diff;

import dev.dbtool.core.physical.DbEnum;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The state to migrate to when only one table's changes are wanted ({@code dbtool schema Model}): the previous state
 * with that table, the join tables that involve it, the tables its foreign keys need and the enum types they use
 * taken from the full target. Everything else stays as it was, to be migrated later.
 */
public final class ScopedTarget {
    private ScopedTarget() {}

    public static DbSchema of(DbSchema from, DbSchema target, String schema, String table) {
        Set<String> wanted = new LinkedHashSet<>();
        Deque<DbTable> queue = new ArrayDeque<>();
        target.table(schema, table).ifPresent(queue::add);
        for (DbTable t : target.tables()) {
            boolean joinTable = t.name().startsWith("_") && t.foreignKeys().stream()
                    .anyMatch(fk -> Objects.equals(fk.referencedSchema(), schema) && fk.referencedTable().equals(table));
            if (joinTable) queue.add(t);
        }
        while (!queue.isEmpty()) {
            DbTable t = queue.poll();
            if (!wanted.add(t.qualifiedName())) continue;
            for (DbForeignKey fk : t.foreignKeys()) {
                if (from.table(fk.referencedSchema(), fk.referencedTable()).isEmpty()) {
                    target.table(fk.referencedSchema(), fk.referencedTable()).ifPresent(queue::add);
                }
            }
        }
        List<DbTable> tables = new ArrayList<>();
        for (DbTable t : from.tables()) {
            if (wanted.contains(t.qualifiedName())) target.table(t.schema(), t.name()).ifPresent(tables::add);
            else tables.add(t);
        }
        for (DbTable t : target.tables()) {
            if (wanted.contains(t.qualifiedName()) && from.table(t.schema(), t.name()).isEmpty()) tables.add(t);
        }
        Set<String> usedTypes = new LinkedHashSet<>();
        for (DbTable t : tables) t.columns().forEach(c -> usedTypes.add(c.type().replace("[]", "")));
        List<DbEnum> enums = new ArrayList<>(from.enums().stream()
                .map(e -> usedTypes.contains(e.qualifiedName()) ? target.enums().stream()
                        .filter(n -> n.qualifiedName().equals(e.qualifiedName())).findFirst().orElse(e) : e).toList());
        for (DbEnum e : target.enums()) {
            if (usedTypes.contains(e.qualifiedName()) && enums.stream().noneMatch(x -> x.qualifiedName().equals(e.qualifiedName()))) enums.add(e);
        }
        return new DbSchema(target.schemas(), target.extensions(), List.copyOf(enums), List.copyOf(tables));
    }
}
