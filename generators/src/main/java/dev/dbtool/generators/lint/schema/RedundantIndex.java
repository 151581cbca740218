package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbIndex;
import dev.dbtool.core.physical.DbIndexColumn;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.DbTable;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An index that another index (or the primary key) already covers: the same columns, or a prefix of them. */
public final class RedundantIndex implements SchemaRule {
    public String id() { return "redundant-index"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "a duplicate index, or one that is a prefix of another"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Finding> out = new ArrayList<>();
        for (Model m : schema.models()) {
            DbTable t = db.tables().stream().filter(x -> x.name().equals(m.tableName())).findFirst().orElse(null);
            if (t == null) continue;
            for (DbIndex a : t.indexes()) {
                if (a.unique() || a.where() != null) continue;
                List<String> cols = a.columns().stream().map(DbIndexColumn::name).toList();
                String by = null;
                if (t.primaryKey() != null && startsWith(t.primaryKey().columns(), cols)) by = "the primary key " + t.primaryKey().name();
                for (DbIndex b : t.indexes()) {
                    if (b == a || by != null || !Objects.equals(a.method(), b.method()) || b.where() != null) continue;
                    List<String> other = b.columns().stream().map(DbIndexColumn::name).toList();
                    boolean longer = other.size() > cols.size() || b.unique();
                    boolean same = other.equals(cols) && t.indexes().indexOf(b) < t.indexes().indexOf(a);
                    if ((longer && startsWith(other, cols)) || same) by = "index " + b.name();
                }
                if (by != null) {
                    out.add(Findings.at(this, m.span(), "Index " + a.name() + " on " + m.name() + " (" + String.join(", ", cols) + ") is covered by " + by + ".",
                            "Every index slows every write and takes space; PostgreSQL can use the wider one for the same lookups.",
                            "Remove the `@@index([" + String.join(", ", cols) + "])`."));
                }
            }
        }
        return out;
    }

    private static boolean startsWith(List<String> index, List<String> prefix) {
        return index.size() >= prefix.size() && index.subList(0, prefix.size()).equals(prefix);
    }
}
