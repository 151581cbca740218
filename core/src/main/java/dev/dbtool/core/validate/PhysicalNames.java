package dev.dbtool.core.validate;

import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Relation;
import dev.dbtool.core.model.RelationField;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.core.physical.SqlNames;
import dev.dbtool.core.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The names the database will hold must be distinct, as PostgreSQL sees them: it keeps only the first 63 bytes of an
 * identifier, so two long names that share those bytes are one name. Tables, indexes, unique and primary key
 * constraints share one namespace per PostgreSQL schema (Prisma's "global" namespace); enum types share the type
 * namespace with tables; the constraints of one table (primary key, foreign keys, checks) must differ. A clash is
 * reported at the line that makes the second name, in source order, instead of failing the migration later.
 */
final class PhysicalNames {
    private record Named(String kind, String name, Span span) {}

    private PhysicalNames() {}

    static void check(Schema schema, ValidationContext ctx) {
        DbSchema db = PhysicalSchemaBuilder.build(schema);
        Map<String, List<Named>> relations = new HashMap<>(); // per PostgreSQL schema: tables, indexes, keys
        Map<String, List<Named>> types = new HashMap<>();     // per PostgreSQL schema: enum types and the tables' row types
        List<List<Named>> perTable = new ArrayList<>();
        List<Model> tables = schema.models().stream().filter(m -> !m.view()).toList();
        for (int i = 0; i < tables.size(); i++) {
            Model m = tables.get(i);
            DbTable t = db.tables().get(i);
            String ns = Objects.toString(t.schema(), "");
            Named table = new Named("table", t.name(), m.span());
            add(relations, ns, table);
            add(types, ns, table);
            List<Named> constraints = new ArrayList<>();
            if (t.primaryKey() != null) {
                Named pk = new Named("primary key", t.primaryKey().name(), spanOr(m.primaryKey().span(), m.span()));
                add(relations, ns, pk);
                constraints.add(pk);
            }
            for (int k = 0; k < t.indexes().size(); k++) {
                var ix = m.indexes().get(k);
                add(relations, ns, new Named(ix.unique() ? "unique constraint" : "index", t.indexes().get(k).name(), spanOr(ix.span(), m.span())));
            }
            List<RelationField> owners = m.relationFields().stream().filter(RelationField::holdsForeignKey).toList();
            for (int k = 0; k < t.foreignKeys().size() && k < owners.size(); k++) {
                DbForeignKey fk = t.foreignKeys().get(k);
                constraints.add(new Named("foreign key", fk.name(), owners.get(k).span()));
            }
            for (var c : t.checks()) constraints.add(new Named("check constraint", c.name(), m.span()));
            perTable.add(constraints);
        }
        List<Relation> joins = schema.relations().stream().filter(r -> r.kind() == Relation.Kind.IMPLICIT_MANY_TO_MANY).toList();
        for (int j = 0; j < joins.size() && tables.size() + j < db.tables().size(); j++) {
            DbTable t = db.tables().get(tables.size() + j);
            Span span = joins.get(j).owner().span();
            String ns = Objects.toString(t.schema(), "");
            add(relations, ns, new Named("join table", t.name(), span));
            add(types, ns, new Named("join table", t.name(), span));
            add(relations, ns, new Named("primary key", t.primaryKey().name(), span));
            for (var ix : t.indexes()) add(relations, ns, new Named("index", ix.name(), span));
        }
        for (EnumType e : schema.enums()) {
            String ns = e.schema() == null || e.schema().equals(PhysicalSchemaBuilder.DEFAULT_SCHEMA) ? "" : e.schema();
            add(types, ns, new Named("enum type", e.databaseName(), e.span()));
        }
        relations.values().forEach(names -> report(names, ctx));
        types.values().forEach(names -> report(names, ctx));
        perTable.forEach(names -> report(names, ctx));
    }

    private static Span spanOr(Span span, Span fallback) { return span != null ? span : fallback; }

    private static void add(Map<String, List<Named>> byNamespace, String ns, Named n) {
        byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(n);
    }

    private static void report(List<Named> names, ValidationContext ctx) {
        List<Named> ordered = new ArrayList<>(names);
        ordered.sort(Comparator.comparing((Named n) -> n.span().path()).thenComparingInt(n -> n.span().start()));
        Map<String, Named> seen = new HashMap<>();
        for (Named n : ordered) {
            String key = SqlNames.asStored(n.name());
            Named first = seen.putIfAbsent(key, n);
            if (first == null) continue;
            boolean truncated = !first.name().equals(n.name());
            String where = first.span().path().equals(n.span().path()) ? "on line " + first.span().line() : "at " + first.span();
            ctx.error(n.span(), "The " + n.kind() + " name `" + n.name() + "` " + (truncated
                    ? "is the same as the " + first.kind() + " name `" + first.name() + "` (" + where + ") once PostgreSQL cuts both to "
                    + SqlNames.MAX_IDENTIFIER + " bytes"
                    : "is already the name of the " + first.kind() + " " + where)
                    + ". Give one of them another name with `map:` (or `@@map`).");
        }
    }
}
