package dev.dbtool.core.diff;

import dev.dbtool.core.physical.DbCheck;
import dev.dbtool.core.physical.DbColumn;
import dev.dbtool.core.physical.DbEnum;
import dev.dbtool.core.physical.DbExtension;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbIndex;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Database state × database state → ordered changes. The order is the one that always applies (and Prisma's):
 * schemas, extensions and new enum types first; then foreign keys, indexes and checks that go away; then tables and
 * columns; then enum types that go away; then new primary keys, then every new index and unique constraint, then
 * every new foreign key (a key may reference a unique constraint of a table created later), then checks. Schemas
 * and extensions are never dropped (other objects may live in them).
 */
public final class SchemaDiffer {
    private final List<SchemaChange> head = new ArrayList<>();
    private final List<SchemaChange> drops = new ArrayList<>();
    private final List<SchemaChange> tables = new ArrayList<>();
    private final List<SchemaChange> late = new ArrayList<>();
    private final List<SchemaChange> primaryKeys = new ArrayList<>();
    private final List<SchemaChange> indexes = new ArrayList<>();
    private final List<SchemaChange> foreignKeys = new ArrayList<>();
    private final List<SchemaChange> checks = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** Enum types rebuilt by this diff: their rebuild also moves the defaults of the columns using them. */
    private final java.util.Set<String> rebuiltEnums = new java.util.HashSet<>();

    private SchemaDiffer() {}

    public static SchemaDiff diff(DbSchema from, DbSchema to, Renames renames) {
        SchemaDiffer d = new SchemaDiffer();
        d.run(from, to, renames);
        List<SchemaChange> all = new ArrayList<>(d.head);
        all.addAll(d.drops);
        all.addAll(d.tables);
        all.addAll(d.late);
        all.addAll(d.primaryKeys);
        all.addAll(d.indexes);
        all.addAll(d.foreignKeys);
        all.addAll(d.checks);
        return new SchemaDiff(List.copyOf(all), List.copyOf(d.warnings));
    }

    private void run(DbSchema from, DbSchema to, Renames renames) {
        for (String s : to.schemas()) if (!from.schemas().contains(s)) head.add(new SchemaChange.CreateSchema(s));
        for (DbExtension e : to.extensions()) {
            if (from.extensions().stream().noneMatch(x -> x.name().equals(e.name()))) head.add(new SchemaChange.CreateExtension(e));
        }
        enums(from, to);
        Map<String, DbTable> before = byName(from.tables());
        Map<String, DbTable> after = byName(to.tables());
        for (Map.Entry<String, String> r : renames.tables().entrySet()) {
            DbTable old = findByName(before, r.getKey());
            DbTable renamed = findByName(after, r.getValue());
            if (old != null && renamed != null && findByName(after, r.getKey()) == null && findByName(before, r.getValue()) == null) {
                List<String> serials = old.columns().stream().filter(c -> c.type().endsWith("SERIAL")).map(DbColumn::name).toList();
                tables.add(new SchemaChange.RenameTable(old.schema(), old.name(), renamed.name(), serials));
                before.remove(key(old));
                before.put(key(renamed), rename(old, renamed.name()));
            }
        }
        // An implicit m:n join table whose A or B now points at another table holds meaningless pairs: rebuild it.
        for (DbTable t : after.values()) {
            DbTable old = before.get(key(t));
            if (old != null && isJoinTable(t) && !referencedTables(old).equals(referencedTables(t))) {
                before.remove(key(old));
                before.put("~rebuilt~" + key(old), old);
            }
        }
        for (DbTable t : after.values()) {
            DbTable old = before.get(key(t));
            if (old == null) {
                tables.add(new SchemaChange.CreateTable(t));
                for (DbIndex ix : t.indexes()) indexes.add(new SchemaChange.CreateIndex(t, ix));
                for (DbForeignKey fk : t.foreignKeys()) foreignKeys.add(new SchemaChange.AddForeignKey(t, fk));
            } else {
                table(old, t, renames);
            }
        }
        for (Map.Entry<String, DbTable> e : before.entrySet()) {
            DbTable t = e.getValue();
            if (after.containsKey(e.getKey())) continue;
            // Keys and indexes go first, as their own steps, so tables drop in any order and a rollback restores all.
            for (DbForeignKey fk : t.foreignKeys()) drops.add(new SchemaChange.DropForeignKey(t, fk));
            for (DbIndex ix : t.indexes()) drops.add(new SchemaChange.DropIndex(t, ix));
            if (e.getKey().startsWith("~rebuilt~")) drops.add(new SchemaChange.DropTable(bare(t))); // before its new self is created
            else late.add(0, new SchemaChange.DropTable(bare(t)));
        }
    }

    private void enums(DbSchema from, DbSchema to) {
        Map<String, DbEnum> before = new LinkedHashMap<>();
        for (DbEnum e : from.enums()) before.put(e.qualifiedName(), e);
        for (DbEnum e : to.enums()) {
            DbEnum old = before.remove(e.qualifiedName());
            if (old == null) head.add(new SchemaChange.CreateEnum(e));
            else if (!old.values().equals(e.values())) {
                boolean onlyAdded = e.values().containsAll(old.values())
                        && e.values().stream().filter(old.values()::contains).toList().equals(old.values());
                head.add(onlyAdded ? new SchemaChange.AddEnumValues(old, e, usages(from, to, e)) : new SchemaChange.RebuildEnum(old, e, usages(from, to, e)));
                if (!onlyAdded) rebuiltEnums.add(e.qualifiedName());
            }
        }
        for (DbEnum gone : before.values()) late.add(new SchemaChange.DropEnum(gone));
    }

    /** Columns of tables present in both states whose type is the enum (or a list of it). */
    private static List<SchemaChange.EnumUsage> usages(DbSchema from, DbSchema to, DbEnum e) {
        List<SchemaChange.EnumUsage> out = new ArrayList<>();
        String type = e.qualifiedName();
        for (DbTable t : to.tables()) {
            DbTable old = from.table(t.schema(), t.name()).orElse(null);
            if (old == null) continue;
            for (DbColumn c : t.columns()) {
                boolean array = c.type().equals(type + "[]");
                if (!array && !c.type().equals(type)) continue;
                String before = old.column(c.name()).map(DbColumn::defaultSql).orElse(null);
                out.add(new SchemaChange.EnumUsage(t, c.name(), array, before, c.defaultSql()));
            }
        }
        return List.copyOf(out);
    }

    private void table(DbTable old, DbTable t, Renames renames) {
        Map<String, DbColumn> oldColumns = new LinkedHashMap<>();
        for (DbColumn c : old.columns()) oldColumns.put(c.name(), c);
        for (Map.Entry<String, String> r : renames.columns().entrySet()) {
            String prefix = t.name() + ".";
            if (!r.getKey().startsWith(prefix)) continue;
            String from = r.getKey().substring(prefix.length());
            DbColumn c = oldColumns.get(from);
            if (c != null && t.column(r.getValue()).isPresent() && t.column(from).isEmpty() && !oldColumns.containsKey(r.getValue())) {
                tables.add(new SchemaChange.RenameColumn(t, from, r.getValue()));
                oldColumns.remove(from);
                oldColumns.put(r.getValue(), new DbColumn(r.getValue(), c.type(), c.notNull(), c.defaultSql()));
            }
        }
        for (DbColumn c : t.columns()) {
            DbColumn was = oldColumns.get(c.name());
            if (was != null && rebuiltEnums.contains(c.type().replace("[]", ""))) {
                was = new DbColumn(was.name(), was.type(), was.notNull(), c.defaultSql());
            }
            if (was == null) {
                tables.add(new SchemaChange.AddColumn(t, c));
                if (c.notNull() && c.defaultSql() == null && !c.type().endsWith("SERIAL")) {
                    warnings.add("Adding the required column " + t.name() + "." + c.name() + " without a default fails if the table has rows.");
                }
            } else if (!was.equals(c)) {
                tables.add(new SchemaChange.AlterColumn(t, was, c));
                if (!was.notNull() && c.notNull()) warnings.add("Making " + t.name() + "." + c.name() + " required fails if it holds NULLs.");
            }
        }
        for (DbColumn c : oldColumns.values()) if (t.column(c.name()).isEmpty()) late.add(0, new SchemaChange.DropColumn(t, c));
        if (!Objects.equals(old.primaryKey(), t.primaryKey())) {
            if (old.primaryKey() != null && t.primaryKey() != null && old.primaryKey().columns().equals(t.primaryKey().columns())) {
                tables.add(new SchemaChange.RenameConstraint(t, old.primaryKey().name(), t.primaryKey().name()));
            } else {
                if (old.primaryKey() != null) drops.add(new SchemaChange.DropPrimaryKey(old, old.primaryKey()));
                if (t.primaryKey() != null) primaryKeys.add(new SchemaChange.AddPrimaryKey(t, t.primaryKey()));
            }
        }
        indexChanges(old, t);
        foreignKeyChanges(old, t);
        checkChanges(old, t);
    }

    private void indexChanges(DbTable old, DbTable t) {
        List<DbIndex> removed = new ArrayList<>(old.indexes().stream().filter(ix -> !t.indexes().contains(ix)).toList());
        for (DbIndex ix : t.indexes()) {
            if (old.indexes().contains(ix)) continue;
            DbIndex same = removed.stream().filter(r -> !r.name().equals(ix.name()) && sameExceptName(r, ix)).findFirst().orElse(null);
            if (same != null) {
                removed.remove(same);
                tables.add(new SchemaChange.RenameIndex(t, same.name(), ix.name()));
            } else {
                indexes.add(new SchemaChange.CreateIndex(t, ix));
                if (ix.unique()) {
                    // Prisma's own warning: rows already in the table may hold duplicates.
                    warnings.add("A unique constraint covering the columns [" + String.join(", ", ix.columns().stream().map(c -> c.name()).toList())
                            + "] on the table " + t.name() + " will be added. If there are existing duplicate values, this will fail.");
                }
            }
        }
        for (DbIndex ix : removed) drops.add(new SchemaChange.DropIndex(old, ix));
    }

    private static boolean sameExceptName(DbIndex a, DbIndex b) {
        return a.unique() == b.unique() && a.columns().equals(b.columns()) && Objects.equals(a.method(), b.method()) && Objects.equals(a.where(), b.where());
    }

    private void foreignKeyChanges(DbTable old, DbTable t) {
        List<DbForeignKey> removed = new ArrayList<>(old.foreignKeys().stream().filter(fk -> !t.foreignKeys().contains(fk)).toList());
        for (DbForeignKey fk : t.foreignKeys()) {
            if (old.foreignKeys().contains(fk)) continue;
            DbForeignKey same = removed.stream().filter(r -> r.equals(new DbForeignKey(r.name(), fk.columns(), fk.referencedSchema(),
                    fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate()))).findFirst().orElse(null);
            if (same != null) {
                removed.remove(same);
                tables.add(new SchemaChange.RenameConstraint(t, same.name(), fk.name()));
            } else {
                foreignKeys.add(new SchemaChange.AddForeignKey(t, fk));
            }
        }
        for (DbForeignKey fk : removed) drops.add(new SchemaChange.DropForeignKey(old, fk));
    }

    private void checkChanges(DbTable old, DbTable t) {
        for (DbCheck c : old.checks()) if (!t.checks().contains(c)) drops.add(new SchemaChange.DropCheck(old, c));
        for (DbCheck c : t.checks()) if (!old.checks().contains(c)) checks.add(new SchemaChange.AddCheck(t, c));
    }

    private static boolean isJoinTable(DbTable t) {
        return t.name().startsWith("_") && t.columns().size() == 2 && t.column("A").isPresent() && t.column("B").isPresent();
    }

    private static List<String> referencedTables(DbTable t) {
        return t.foreignKeys().stream().map(fk -> fk.columns() + "→" + fk.referencedTable()).sorted().toList();
    }

    private static Map<String, DbTable> byName(List<DbTable> tables) {
        Map<String, DbTable> m = new LinkedHashMap<>();
        for (DbTable t : tables) m.put(key(t), t);
        return m;
    }

    private static DbTable findByName(Map<String, DbTable> tables, String name) {
        return tables.values().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static String key(DbTable t) { return t.qualifiedName(); }

    private static DbTable rename(DbTable t, String name) {
        return new DbTable(t.schema(), name, t.columns(), t.primaryKey(), t.indexes(), t.foreignKeys(), t.checks());
    }

    private static DbTable bare(DbTable t) {
        return new DbTable(t.schema(), t.name(), t.columns(), t.primaryKey(), List.of(), List.of(), t.checks());
    }
}
