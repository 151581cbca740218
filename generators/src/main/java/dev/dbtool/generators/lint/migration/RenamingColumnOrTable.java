package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** renaming a column or a table in use. */
public final class RenamingColumnOrTable implements MigrationRule {
    public String id() { return "renaming-column-or-table"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "renaming a column or a table in use"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (table == null || !Tables.existing(s, table) || !s.has("RENAME")) continue;
            if (s.has("RENAME", "CONSTRAINT")) continue;
            out.add(Tables.finding(this, s, "A " + (s.has("RENAME", "COLUMN") ? "column of " + table : "table " + table) + " is renamed.",
                    "Application instances deployed before the change use the old name and fail until they are replaced.",
                    "Add the new column (or a view with the new name), write to both, move readers, then drop the old one."));
        }
        return out;
    }
}
