package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.RelationField;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbForeignKey;
import dev.dbtool.core.physical.DbIndexColumn;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.ArrayList;
import java.util.List;

/** A foreign key whose columns do not start any index or the primary key. */
public final class ForeignKeyWithoutIndex implements SchemaRule {
    public String id() { return "fk-without-index"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "a foreign key without an index that starts with its columns"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Finding> out = new ArrayList<>();
        for (Model m : schema.models()) {
            DbTable t = db.tables().stream().filter(x -> x.name().equals(m.tableName())).findFirst().orElse(null);
            if (t == null) continue;
            for (DbForeignKey fk : t.foreignKeys()) {
                if (covered(t, fk.columns())) continue;
                RelationField rf = m.relationFields().stream().filter(r -> r.holdsForeignKey() && r.fields().stream()
                        .map(f -> m.scalarFields().stream().filter(x -> x.name().equals(f)).findFirst().map(x -> x.columnName()).orElse(f))
                        .toList().equals(fk.columns())).findFirst().orElse(null);
                out.add(Findings.at(this, rf != null ? rf.span() : m.span(), "The foreign key " + fk.name() + " (" + String.join(", ", fk.columns())
                        + ") has no index.", "Deleting or updating a " + fk.referencedTable() + " row scans all of " + t.name()
                        + ", and joins from " + fk.referencedTable() + " cannot use an index.",
                        "Add `@@index([" + String.join(", ", fk.columns()) + "])` to model " + m.name() + "."));
            }
        }
        return out;
    }

    static boolean covered(DbTable t, List<String> columns) {
        if (t.primaryKey() != null && prefix(t.primaryKey().columns(), columns)) return true;
        return t.indexes().stream().anyMatch(ix -> ix.where() == null && prefix(ix.columns().stream().map(DbIndexColumn::name).toList(), columns));
    }

    private static boolean prefix(List<String> index, List<String> columns) {
        return index.size() >= columns.size() && new java.util.HashSet<>(index.subList(0, columns.size())).equals(new java.util.HashSet<>(columns));
    }
}
