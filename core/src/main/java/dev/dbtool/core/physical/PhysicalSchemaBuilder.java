package dev.dbtool.core.physical;

import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.Field;
import dev.dbtool.core.model.Index;
import dev.dbtool.core.model.IndexField;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Relation;
import dev.dbtool.core.model.RelationField;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Schema model → the database it describes, following {@code prisma migrate}'s conventions: type names, SERIAL
 * for autoincrement, client-side id defaults left out, {@code Table_col_key/_idx/_fkey/_pkey} names cut to 63
 * characters, implicit m:n join tables {@code _AToB(A, B)}. Views are not tables: migrations never create them.
 * A pure function: same schema, same result.
 */
public final class PhysicalSchemaBuilder {
    /** The schema objects live in when the URL names none; objects there are written unqualified, as Prisma does. */
    public static final String DEFAULT_SCHEMA = "public";

    private final Schema schema;
    private final Map<String, EnumType> enums = new HashMap<>();
    /** {@code relationMode = "prisma"}: relations live in the schema only; the database gets no foreign keys (as with Prisma). */
    private final boolean emulatedRelations;

    private PhysicalSchemaBuilder(Schema schema, boolean alwaysForeignKeys) {
        this.schema = schema;
        this.emulatedRelations = !alwaysForeignKeys && schema.datasource() != null && "prisma".equals(schema.datasource().relationMode());
        for (EnumType e : schema.enums()) enums.put(e.name(), e);
    }

    public static DbSchema build(Schema schema) { return new PhysicalSchemaBuilder(schema, false).build(); }

    /**
     * The same, with every relation a foreign key even under {@code relationMode = "prisma"}: for what must know which
     * column refers to which row (the seed), not for the database.
     */
    public static DbSchema withRelations(Schema schema) { return new PhysicalSchemaBuilder(schema, true).build(); }

    /** The columns a view's fields map to, as a table would have them (views are not created by migrations). */
    public static DbTable viewTable(Schema schema, Model view) { return new PhysicalSchemaBuilder(schema, false).table(view); }

    private DbSchema build() {
        List<String> schemas = schema.datasource() == null ? List.of()
                : schema.datasource().schemas().stream().filter(s -> !s.equals(DEFAULT_SCHEMA)).sorted().toList();
        List<DbExtension> extensions = schema.datasource() == null ? List.of() : schema.datasource().extensions().stream()
                .map(e -> new DbExtension(e.databaseName(), e.schema(), e.version())).toList();
        List<DbEnum> dbEnums = schema.enums().stream()
                .map(e -> new DbEnum(schemaOf(e.schema()), e.databaseName(), e.values().stream().map(EnumType.EnumValue::databaseName).toList()))
                .toList();
        List<DbTable> tables = new ArrayList<>();
        for (Model m : schema.models()) if (!m.view()) tables.add(table(m));
        for (Relation r : schema.relations()) {
            if (r.kind() == Relation.Kind.IMPLICIT_MANY_TO_MANY) tables.add(joinTable(r));
        }
        return new DbSchema(schemas, List.copyOf(extensions), dbEnums, List.copyOf(tables));
    }

    private static String schemaOf(String s) { return s == null || s.equals(DEFAULT_SCHEMA) ? null : s; }

    private DbTable table(Model m) {
        String table = m.tableName();
        List<DbColumn> columns = new ArrayList<>();
        for (ScalarField f : m.scalarFields()) {
            String type = ColumnTypes.of(f, enums::get, DEFAULT_SCHEMA);
            columns.add(new DbColumn(f.columnName(), type, f.isRequired(), DefaultExpressions.of(f, type, enums::get)));
        }
        DbPrimaryKey pk = null;
        if (m.primaryKey() != null) {
            pk = new DbPrimaryKey(m.primaryKey().constraintName() != null ? m.primaryKey().constraintName()
                    : SqlNames.constraintName(table, "_pkey"), columnsOf(m, m.primaryKey().fields()));
        }
        List<DbIndex> indexes = new ArrayList<>();
        for (Index ix : m.indexes()) {
            List<String> cols = columnsOf(m, ix.fields());
            String name = ix.constraintName() != null ? ix.constraintName()
                    : SqlNames.constraintName(table + "_" + String.join("_", cols), ix.unique() ? "_key" : "_idx");
            List<DbIndexColumn> indexColumns = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                IndexField f = ix.fields().get(i);
                indexColumns.add(new DbIndexColumn(cols.get(i), f.sort() == dev.dbtool.core.model.SortOrder.Desc, OperatorClasses.sql(f.operatorClass())));
            }
            String method = ix.algorithm() == null || ix.algorithm().equals("BTree") ? null : ix.algorithm().toUpperCase(Locale.ROOT);
            indexes.add(new DbIndex(name, ix.unique(), List.copyOf(indexColumns), method, ix.where()));
        }
        List<DbForeignKey> fks = new ArrayList<>();
        for (RelationField rf : m.relationFields()) {
            if (!rf.holdsForeignKey() || emulatedRelations) continue;
            Model target = schema.model(rf.targetModel()).orElseThrow();
            List<String> cols = rf.fields().stream().map(n -> columnOf(m, n)).toList();
            String name = rf.foreignKeyName() != null ? rf.foreignKeyName()
                    : SqlNames.constraintName(table + "_" + String.join("_", cols), "_fkey");
            fks.add(new DbForeignKey(name, cols, schemaOf(target.schema()), target.tableName(),
                    rf.references().stream().map(n -> columnOf(target, n)).toList(), rf.onDelete().sql(), rf.onUpdate().sql()));
        }
        List<DbCheck> checks = new ArrayList<>();
        for (int i = 0; i < m.checks().size(); i++) {
            var c = m.checks().get(i);
            checks.add(new DbCheck(c.name() != null ? c.name() : SqlNames.constraintName(table, i == 0 ? "_check" : "_check_" + (i + 1)), c.expression()));
        }
        return new DbTable(schemaOf(m.schema()), table, List.copyOf(columns), pk, List.copyOf(indexes), List.copyOf(fks), List.copyOf(checks));
    }

    private static List<String> columnsOf(Model m, List<IndexField> fields) {
        return fields.stream().map(f -> columnOf(m, f.field())).toList();
    }

    private static String columnOf(Model m, String fieldName) {
        Field f = m.field(fieldName).orElseThrow();
        return f instanceof ScalarField s ? s.columnName() : fieldName;
    }

    private DbTable joinTable(Relation r) {
        String name = SqlNames.truncate("_" + r.name());
        Model a = schema.model(r.ownerModel()).orElseThrow();
        Model b = schema.model(r.backModel()).orElseThrow();
        ScalarField aId = idField(a);
        ScalarField bId = idField(b);
        List<DbColumn> columns = List.of(new DbColumn("A", keyType(aId), true, null), new DbColumn("B", keyType(bId), true, null));
        DbPrimaryKey pk = new DbPrimaryKey(SqlNames.constraintName(name, "_AB_pkey"), List.of("A", "B"));
        DbIndex index = new DbIndex(SqlNames.constraintName(name, "_B_index"), false, List.of(new DbIndexColumn("B", false, null)), null, null);
        List<DbForeignKey> fks = List.of(
                new DbForeignKey(SqlNames.constraintName(name, "_A_fkey"), List.of("A"), schemaOf(a.schema()), a.tableName(),
                        List.of(aId.columnName()), "CASCADE", "CASCADE"),
                new DbForeignKey(SqlNames.constraintName(name, "_B_fkey"), List.of("B"), schemaOf(b.schema()), b.tableName(),
                        List.of(bId.columnName()), "CASCADE", "CASCADE"));
        return new DbTable(schemaOf(a.schema()), name, columns, pk, List.of(index), fks, List.of());
    }

    private static ScalarField idField(Model m) {
        return (ScalarField) m.field(m.primaryKey().fields().get(0).field()).orElseThrow();
    }

    /** A join column has the id's type without its sequence: SERIAL → INTEGER. */
    private String keyType(ScalarField id) {
        String type = ColumnTypes.of(id, enums::get, DEFAULT_SCHEMA);
        return switch (type) {
            case "SERIAL" -> "INTEGER";
            case "BIGSERIAL" -> "BIGINT";
            case "SMALLSERIAL" -> "SMALLINT";
            default -> type;
        };
    }
}
