package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** adding a foreign key to an existing table without NOT VALID. */
public final class ForeignKeyWithoutNotValid implements MigrationRule {
    public String id() { return "foreign-key-without-not-valid"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "adding a foreign key to an existing table without NOT VALID"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (!Tables.existing(s, table) || !s.has("FOREIGN", "KEY") || s.has("NOT", "VALID")) continue;
            out.add(Tables.finding(this, s, "A foreign key is added to " + table + " and checked at once.",
                    "Checking every row holds a SHARE ROW EXCLUSIVE lock on both tables: writes to them wait for the whole scan.",
                    "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later changeset (it takes a lighter lock)."));
        }
        return out;
    }
}
