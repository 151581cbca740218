package dev.dbtool.generators.sql;

import static dev.dbtool.core.physical.SqlNames.columnList;
import static dev.dbtool.core.physical.SqlNames.literal;
import static dev.dbtool.core.physical.SqlNames.quote;

import dev.dbtool.core.diff.SchemaChange;
import dev.dbtool.core.physical.DbColumn;
import dev.dbtool.core.physical.DbEnum;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbIndex;
import dev.dbtool.core.physical.DbIndexColumn;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.core.physical.SqlNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The PostgreSQL statements of one change, spelled the way {@code prisma migrate} spells them (so a database built by
 * dbtool and one built by Prisma have the same catalog). A pure function; statements carry no trailing semicolon.
 */
public final class PostgresDdl {
    private PostgresDdl() {}

    /** Every statement that builds {@code state} in an empty database, in order (the shadow database, reference builds). */
    public static List<String> createAll(dev.dbtool.core.physical.DbSchema state) {
        List<String> out = new ArrayList<>();
        var diff = dev.dbtool.core.diff.SchemaDiffer.diff(dev.dbtool.core.physical.DbSchema.EMPTY, state, dev.dbtool.core.diff.Renames.NONE);
        for (SchemaChange change : diff.changes()) out.addAll(statements(change));
        return out;
    }

    public static List<String> statements(SchemaChange change) {
        if (change instanceof SchemaChange.CreateSchema c) return List.of("CREATE SCHEMA IF NOT EXISTS " + quote(c.name()));
        if (change instanceof SchemaChange.DropSchema c) return List.of("DROP SCHEMA " + quote(c.name()));
        if (change instanceof SchemaChange.CreateExtension c) {
            var e = c.extension();
            return List.of("CREATE EXTENSION IF NOT EXISTS " + quote(e.name()) + (e.schema() != null ? " WITH SCHEMA " + quote(e.schema()) : "")
                    + (e.version() != null ? (e.schema() != null ? " " : " WITH ") + "VERSION " + quote(e.version()) : ""));
        }
        if (change instanceof SchemaChange.DropExtension c) return List.of("DROP EXTENSION IF EXISTS " + quote(c.extension().name()));
        if (change instanceof SchemaChange.CreateEnum c) return List.of(createEnum(c.type(), c.type().qualifiedName()));
        if (change instanceof SchemaChange.DropEnum c) return List.of("DROP TYPE " + c.type().qualifiedName());
        if (change instanceof SchemaChange.AddEnumValues c) return addEnumValues(c);
        if (change instanceof SchemaChange.RebuildEnum c) return rebuildEnum(c);
        if (change instanceof SchemaChange.CreateTable c) return List.of(createTable(c.table()));
        if (change instanceof SchemaChange.DropTable c) return List.of("DROP TABLE " + c.table().qualifiedName());
        if (change instanceof SchemaChange.RenameTable c) {
            List<String> out = new ArrayList<>();
            out.add("ALTER TABLE " + SqlNames.qualified(c.schema(), c.from()) + " RENAME TO " + quote(c.to()));
            for (String column : c.serialColumns()) out.add(renameSequence(c.schema(), c.from() + "_" + column, c.to() + "_" + column));
            return out;
        }
        if (change instanceof SchemaChange.AddColumn c) return List.of("ALTER TABLE " + c.table().qualifiedName() + " ADD COLUMN " + column(c.column()));
        if (change instanceof SchemaChange.DropColumn c) return List.of("ALTER TABLE " + c.table().qualifiedName() + " DROP COLUMN " + quote(c.column().name()));
        if (change instanceof SchemaChange.RenameColumn c) {
            String rename = "ALTER TABLE " + c.table().qualifiedName() + " RENAME COLUMN " + quote(c.from()) + " TO " + quote(c.to());
            boolean serial = c.table().columns().stream().anyMatch(col -> (col.name().equals(c.to()) || col.name().equals(c.from()))
                    && col.type().endsWith("SERIAL"));
            return serial ? List.of(rename, renameSequence(c.table().schema(), c.table().name() + "_" + c.from(), c.table().name() + "_" + c.to()))
                    : List.of(rename);
        }
        if (change instanceof SchemaChange.AlterColumn c) return alterColumn(c.table(), c.before(), c.after());
        if (change instanceof SchemaChange.AddPrimaryKey c) {
            return List.of("ALTER TABLE " + c.table().qualifiedName() + " ADD CONSTRAINT " + quote(c.key().name()) + " PRIMARY KEY ("
                    + c.key().columns().stream().map(SqlNames::quote).collect(Collectors.joining(",")) + ")");
        }
        if (change instanceof SchemaChange.DropPrimaryKey c) return List.of(dropConstraint(c.table(), c.key().name()));
        if (change instanceof SchemaChange.RenameConstraint c) {
            return List.of("ALTER TABLE " + c.table().qualifiedName() + " RENAME CONSTRAINT " + quote(c.from()) + " TO " + quote(c.to()));
        }
        if (change instanceof SchemaChange.CreateIndex c) return List.of(createIndex(c.table(), c.index()));
        if (change instanceof SchemaChange.DropIndex c) return List.of("DROP INDEX " + SqlNames.qualified(c.table().schema(), c.index().name()));
        if (change instanceof SchemaChange.RenameIndex c) {
            return List.of("ALTER INDEX " + SqlNames.qualified(c.table().schema(), c.from()) + " RENAME TO " + quote(c.to()));
        }
        if (change instanceof SchemaChange.AddForeignKey c) return List.of(addForeignKey(c.table(), c.key()));
        if (change instanceof SchemaChange.DropForeignKey c) return List.of(dropConstraint(c.table(), c.key().name()));
        if (change instanceof SchemaChange.AddCheck c) {
            return List.of("ALTER TABLE " + c.table().qualifiedName() + " ADD CONSTRAINT " + quote(c.check().name()) + " CHECK (" + c.check().expression() + ")");
        }
        if (change instanceof SchemaChange.DropCheck c) return List.of(dropConstraint(c.table(), c.check().name()));
        throw new IllegalArgumentException("no SQL for " + change);
    }

    /** A SERIAL column's sequence is named {@code table_column_seq}; it keeps that name through renames unless told. */
    private static String renameSequence(String schema, String from, String to) {
        return "ALTER SEQUENCE IF EXISTS " + SqlNames.qualified(schema, SqlNames.truncate(from + "_seq")) + " RENAME TO "
                + quote(SqlNames.truncate(to + "_seq"));
    }

    private static String createEnum(DbEnum e, String qualifiedName) {
        return "CREATE TYPE " + qualifiedName + " AS ENUM (" + e.values().stream().map(SqlNames::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** Each new value goes before the next existing one, so the order matches the schema. */
    private static List<String> addEnumValues(SchemaChange.AddEnumValues c) {
        List<String> out = new ArrayList<>();
        List<String> values = c.after().values();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (c.before().values().contains(v)) continue;
            String next = null;
            for (int k = i + 1; k < values.size() && next == null; k++) if (c.before().values().contains(values.get(k))) next = values.get(k);
            out.add("ALTER TYPE " + c.after().qualifiedName() + " ADD VALUE " + literal(v) + (next == null ? "" : " BEFORE " + literal(next)));
        }
        return out;
    }

    /** Prisma's way: a new type, columns converted through text, names swapped, the old type dropped. */
    private static List<String> rebuildEnum(SchemaChange.RebuildEnum c) {
        DbEnum e = c.after();
        String tmp = SqlNames.qualified(e.schema(), e.name() + "_new");
        String old = SqlNames.qualified(e.schema(), e.name() + "_old");
        List<String> out = new ArrayList<>();
        out.add(createEnum(e, tmp));
        for (SchemaChange.EnumUsage u : c.usages()) {
            String table = u.table().qualifiedName();
            if (u.defaultBefore() != null) out.add("ALTER TABLE " + table + " ALTER COLUMN " + quote(u.column()) + " DROP DEFAULT");
            String type = tmp + (u.array() ? "[]" : "");
            out.add("ALTER TABLE " + table + " ALTER COLUMN " + quote(u.column()) + " TYPE " + type + " USING (" + quote(u.column())
                    + "::text" + (u.array() ? "[]" : "") + "::" + type + ")");
        }
        out.add("ALTER TYPE " + e.qualifiedName() + " RENAME TO " + quote(e.name() + "_old"));
        out.add("ALTER TYPE " + tmp + " RENAME TO " + quote(e.name()));
        out.add("DROP TYPE " + old);
        for (SchemaChange.EnumUsage u : c.usages()) {
            if (u.defaultAfter() != null) {
                out.add("ALTER TABLE " + u.table().qualifiedName() + " ALTER COLUMN " + quote(u.column()) + " SET DEFAULT " + u.defaultAfter());
            }
        }
        return out;
    }

    static String column(DbColumn c) {
        return quote(c.name()) + " " + c.type() + (c.notNull() ? " NOT NULL" : "") + (c.defaultSql() != null ? " DEFAULT " + c.defaultSql() : "");
    }

    private static String createTable(DbTable t) {
        List<String> lines = new ArrayList<>();
        for (DbColumn c : t.columns()) lines.add("    " + column(c));
        List<String> constraints = new ArrayList<>();
        if (t.primaryKey() != null) {
            constraints.add("    CONSTRAINT " + quote(t.primaryKey().name()) + " PRIMARY KEY ("
                    + t.primaryKey().columns().stream().map(SqlNames::quote).collect(Collectors.joining(",")) + ")");
        }
        t.checks().forEach(ch -> constraints.add("    CONSTRAINT " + quote(ch.name()) + " CHECK (" + ch.expression() + ")"));
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(t.qualifiedName()).append(" (\n");
        sql.append(String.join(",\n", lines));
        if (!constraints.isEmpty()) sql.append(lines.isEmpty() ? "" : ",\n\n").append(String.join(",\n", constraints));
        return sql.append("\n)").toString();
    }

    private static List<String> alterColumn(DbTable t, DbColumn before, DbColumn after) {
        String prefix = "ALTER TABLE " + t.qualifiedName() + " ALTER COLUMN " + quote(after.name()) + " ";
        String sequence = SqlNames.qualified(t.schema(), SqlNames.truncate(t.name() + "_" + after.name() + "_seq"));
        List<String> out = new ArrayList<>();
        boolean serialBefore = before.type().endsWith("SERIAL");
        boolean serialAfter = after.type().endsWith("SERIAL");
        String typeBefore = plainType(before.type());
        String typeAfter = plainType(after.type());
        boolean defaultChanges = !java.util.Objects.equals(before.defaultSql(), after.defaultSql()) || serialBefore != serialAfter;
        if (defaultChanges && (before.defaultSql() != null || serialBefore)) out.add(prefix + "DROP DEFAULT");
        if (!typeBefore.equals(typeAfter)) {
            out.add(prefix + "SET DATA TYPE " + typeAfter + " USING (" + quote(after.name()) + "::" + typeAfter + ")");
        }
        if (serialBefore && !serialAfter) out.add("DROP SEQUENCE IF EXISTS " + sequence);
        if (serialAfter && !serialBefore) {
            out.add("CREATE SEQUENCE " + sequence + (typeAfter.equals("INTEGER") ? "" : " AS " + typeAfter));
            out.add(prefix + "SET DEFAULT nextval('" + sequence.replace("'", "''") + "')");
            out.add("ALTER SEQUENCE " + sequence + " OWNED BY " + t.qualifiedName() + "." + quote(after.name()));
        } else if (defaultChanges && after.defaultSql() != null) {
            out.add(prefix + "SET DEFAULT " + after.defaultSql());
        }
        if (before.notNull() != after.notNull()) out.add(prefix + (after.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
        return out;
    }

    private static String plainType(String type) {
        return switch (type) {
            case "SERIAL" -> "INTEGER";
            case "BIGSERIAL" -> "BIGINT";
            case "SMALLSERIAL" -> "SMALLINT";
            default -> type;
        };
    }

    private static String createIndex(DbTable t, DbIndex ix) {
        String cols = ix.columns().stream().map(PostgresDdl::indexColumn).collect(Collectors.joining(", "));
        return "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + quote(ix.name()) + " ON " + t.qualifiedName()
                + (ix.method() == null ? "(" + cols + ")" : " USING " + ix.method() + " (" + cols + ")")
                + (ix.where() == null ? "" : " WHERE " + ix.where());
    }

    private static String indexColumn(DbIndexColumn c) {
        return quote(c.name()) + (c.operatorClass() != null ? " " + c.operatorClass() : "") + (c.descending() ? " DESC" : "");
    }

    private static String addForeignKey(DbTable t, DbForeignKey fk) {
        return "ALTER TABLE " + t.qualifiedName() + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + columnList(fk.columns())
                + ") REFERENCES " + SqlNames.qualified(fk.referencedSchema(), fk.referencedTable()) + "(" + columnList(fk.referencedColumns())
                + ") ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate();
    }

    private static String dropConstraint(DbTable t, String name) {
        return "ALTER TABLE " + t.qualifiedName() + " DROP CONSTRAINT " + quote(name);
    }
}
