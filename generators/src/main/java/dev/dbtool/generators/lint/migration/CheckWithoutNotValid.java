package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** adding a CHECK constraint to an existing table without NOT VALID. */
public final class CheckWithoutNotValid implements MigrationRule {
    public String id() { return "check-without-not-valid"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "adding a CHECK constraint to an existing table without NOT VALID"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (!Tables.existing(s, table) || !s.has("ADD") || !s.has("CHECK") || s.has("NOT", "VALID")) continue;
            out.add(Tables.finding(this, s, "A CHECK constraint is added to " + table + " and checked at once.",
                    "Checking every row holds an ACCESS EXCLUSIVE lock for the whole scan.",
                    "ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a later changeset."));
        }
        return out;
    }
}
