package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** changing a column type in a way that rewrites the table. */
public final class ChangingColumnType implements MigrationRule {
    public String id() { return "changing-column-type"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "changing a column type in a way that rewrites the table"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (!Tables.existing(s, table) || !(s.has("SET", "DATA", "TYPE") || s.has("ALTER", "COLUMN") && s.has("TYPE"))) continue;
            if (s.has("TYPE", "TEXT") || s.has("TYPE", "VARCHAR") && !s.has("(")) continue; // widening to text keeps the data as it is
            out.add(Tables.finding(this, s, "A column of " + table + " changes type.",
                    "Most type changes rewrite the whole table and its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait.",
                    "Add a column of the new type, write to both, backfill in batches, switch reads, then drop the old column."));
        }
        return out;
    }
}
