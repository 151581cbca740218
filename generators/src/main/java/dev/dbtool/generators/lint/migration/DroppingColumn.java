package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** dropping a column. */
public final class DroppingColumn implements MigrationRule {
    public String id() { return "dropping-column"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "dropping a column"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (table == null || !s.has("DROP", "COLUMN")) continue;
            out.add(Tables.finding(this, s, "A column of " + table + " is dropped.",
                    "Running application instances still read and write it: they fail until they are all redeployed, and the data is gone.",
                    "Stop using the column in code and deploy that first; drop it in a later release (expand, then contract)."));
        }
        return out;
    }
}
