package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** dropping a table. */
public final class DroppingTable implements MigrationRule {
    public String id() { return "dropping-table"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "dropping a table"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            if (!s.startsWith("DROP", "TABLE")) continue;
            String table = Tables.name(s.tokens(), 2);
            if (!Tables.existing(s, table)) continue;
            out.add(Tables.finding(this, s, "Table " + table + " is dropped.",
                    "Its data is gone and code that still uses it fails.",
                    "Stop using the table first, keep a backup, and drop it in a later release."));
        }
        return out;
    }
}
