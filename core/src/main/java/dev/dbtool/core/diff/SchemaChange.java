package dev.dbtool.core.diff;

import dev.dbtool.core.physical.DbCheck;
import dev.dbtool.core.physical.DbColumn;
import dev.dbtool.core.physical.DbEnum;
import dev.dbtool.core.physical.DbExtension;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbIndex;
import dev.dbtool.core.physical.DbPrimaryKey;
import dev.dbtool.core.physical.DbTable;
import java.util.List;

/**
 * One typed step between two database states. Every change knows its inverse (for rollbacks), whether it can
 * lose data, and how it reads in a report.
 */
public sealed interface SchemaChange {
    SchemaChange inverse();

    default boolean losesData() { return false; }

    String describe();

    record CreateSchema(String name) implements SchemaChange {
        public SchemaChange inverse() { return new DropSchema(name); }
        public String describe() { return "create schema " + name; }
    }

    record DropSchema(String name) implements SchemaChange {
        public SchemaChange inverse() { return new CreateSchema(name); }
        public boolean losesData() { return true; }
        public String describe() { return "drop schema " + name; }
    }

    record CreateExtension(DbExtension extension) implements SchemaChange {
        public SchemaChange inverse() { return new DropExtension(extension); }
        public String describe() { return "create extension " + extension.name(); }
    }

    record DropExtension(DbExtension extension) implements SchemaChange {
        public SchemaChange inverse() { return new CreateExtension(extension); }
        public String describe() { return "drop extension " + extension.name(); }
    }

    record CreateEnum(DbEnum type) implements SchemaChange {
        public SchemaChange inverse() { return new DropEnum(type); }
        public String describe() { return "create enum " + type.name() + " (" + String.join(", ", type.values()) + ")"; }
    }

    record DropEnum(DbEnum type) implements SchemaChange {
        public SchemaChange inverse() { return new CreateEnum(type); }
        public String describe() { return "drop enum " + type.name(); }
    }

    /** New values only (PostgreSQL adds them in place); the inverse rebuilds the type without them. */
    record EnumUsage(DbTable table, String column, boolean array, String defaultBefore, String defaultAfter) {}

    record AddEnumValues(DbEnum before, DbEnum after, List<EnumUsage> usages) implements SchemaChange {
        public SchemaChange inverse() {
            return new RebuildEnum(after, before, usages.stream().map(u -> new EnumUsage(u.table(), u.column(), u.array(), u.defaultAfter(), u.defaultBefore())).toList());
        }
        public String describe() {
            return "add value(s) " + after.values().stream().filter(v -> !before.values().contains(v)).toList() + " to enum " + after.name();
        }
    }

    /**
     * Values removed or reordered: the type is rebuilt and the columns using it converted (rows holding a removed
     * value make it fail). {@code usages} are those columns with their defaults before and after.
     */
    record RebuildEnum(DbEnum before, DbEnum after, List<EnumUsage> usages) implements SchemaChange {
        public SchemaChange inverse() {
            return new RebuildEnum(after, before, usages.stream().map(u -> new EnumUsage(u.table(), u.column(), u.array(), u.defaultAfter(), u.defaultBefore())).toList());
        }
        public boolean losesData() { return !after.values().containsAll(before.values()); }
        public String describe() {
            List<String> removed = before.values().stream().filter(v -> !after.values().contains(v)).toList();
            return "change enum " + after.name() + (removed.isEmpty() ? " (reorder values)" : " (drop value(s) " + removed + ")");
        }
    }

    /** A table with its columns, primary key and checks; its indexes and foreign keys are separate changes. */
    record CreateTable(DbTable table) implements SchemaChange {
        public SchemaChange inverse() { return new DropTable(table); }
        public String describe() { return "create table " + table.name(); }
    }

    record DropTable(DbTable table) implements SchemaChange {
        public SchemaChange inverse() { return new CreateTable(table); }
        public boolean losesData() { return true; }
        public String describe() { return "drop table " + table.name(); }
    }

    /** {@code serialColumns}: columns whose sequences PostgreSQL named after the table, renamed along with it. */
    record RenameTable(String schema, String from, String to, List<String> serialColumns) implements SchemaChange {
        public SchemaChange inverse() { return new RenameTable(schema, to, from, serialColumns); }
        public String describe() { return "rename table " + from + " to " + to; }
    }

    record AddColumn(DbTable table, DbColumn column) implements SchemaChange {
        public SchemaChange inverse() { return new DropColumn(table, column); }
        public String describe() { return "add column " + table.name() + "." + column.name(); }
    }

    record DropColumn(DbTable table, DbColumn column) implements SchemaChange {
        public SchemaChange inverse() { return new AddColumn(table, column); }
        public boolean losesData() { return true; }
        public String describe() { return "drop column " + table.name() + "." + column.name(); }
    }

    record RenameColumn(DbTable table, String from, String to) implements SchemaChange {
        public SchemaChange inverse() { return new RenameColumn(table, to, from); }
        public String describe() { return "rename column " + table.name() + "." + from + " to " + to; }
    }

    /** Type, nullability or default of one column. */
    record AlterColumn(DbTable table, DbColumn before, DbColumn after) implements SchemaChange {
        public SchemaChange inverse() { return new AlterColumn(table, after, before); }
        public boolean losesData() { return !ColumnTypeChanges.isLossless(before.type(), after.type()); }
        public String describe() {
            List<String> what = new java.util.ArrayList<>();
            if (!before.type().equals(after.type())) what.add("type " + before.type() + " → " + after.type());
            if (before.notNull() != after.notNull()) what.add(after.notNull() ? "set NOT NULL" : "drop NOT NULL");
            if (!java.util.Objects.equals(before.defaultSql(), after.defaultSql())) {
                what.add(after.defaultSql() == null ? "drop default" : "default " + after.defaultSql());
            }
            return "alter column " + table.name() + "." + after.name() + ": " + String.join(", ", what);
        }
    }

    record AddPrimaryKey(DbTable table, DbPrimaryKey key) implements SchemaChange {
        public SchemaChange inverse() { return new DropPrimaryKey(table, key); }
        public String describe() { return "add primary key " + key.name() + " on " + table.name() + " " + key.columns(); }
    }

    record DropPrimaryKey(DbTable table, DbPrimaryKey key) implements SchemaChange {
        public SchemaChange inverse() { return new AddPrimaryKey(table, key); }
        public String describe() { return "drop primary key " + key.name() + " on " + table.name(); }
    }

    record CreateIndex(DbTable table, DbIndex index) implements SchemaChange {
        public SchemaChange inverse() { return new DropIndex(table, index); }
        public String describe() { return "create " + (index.unique() ? "unique index " : "index ") + index.name() + " on " + table.name(); }
    }

    record DropIndex(DbTable table, DbIndex index) implements SchemaChange {
        public SchemaChange inverse() { return new CreateIndex(table, index); }
        public String describe() { return "drop index " + index.name(); }
    }

    record RenameIndex(DbTable table, String from, String to) implements SchemaChange {
        public SchemaChange inverse() { return new RenameIndex(table, to, from); }
        public String describe() { return "rename index " + from + " to " + to; }
    }

    /** A primary key, foreign key or check that only changes its name. */
    record RenameConstraint(DbTable table, String from, String to) implements SchemaChange {
        public SchemaChange inverse() { return new RenameConstraint(table, to, from); }
        public String describe() { return "rename constraint " + from + " to " + to; }
    }

    record AddForeignKey(DbTable table, DbForeignKey key) implements SchemaChange {
        public SchemaChange inverse() { return new DropForeignKey(table, key); }
        public String describe() { return "add foreign key " + key.name() + " on " + table.name() + " → " + key.referencedTable(); }
    }

    record DropForeignKey(DbTable table, DbForeignKey key) implements SchemaChange {
        public SchemaChange inverse() { return new AddForeignKey(table, key); }
        public String describe() { return "drop foreign key " + key.name(); }
    }

    record AddCheck(DbTable table, DbCheck check) implements SchemaChange {
        public SchemaChange inverse() { return new DropCheck(table, check); }
        public String describe() { return "add check " + check.name() + " on " + table.name(); }
    }

    record DropCheck(DbTable table, DbCheck check) implements SchemaChange {
        public SchemaChange inverse() { return new AddCheck(table, check); }
        public String describe() { return "drop check " + check.name(); }
    }
}
