package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.List;

/** A changeset Liquibase cannot roll back: raw SQL (or other irreversible changes) without a rollback block. */
public final class ChangeSetWithoutRollback implements MigrationRule {
    public String id() { return "changeset-without-rollback"; }

    public LintSeverity defaultSeverity() { return LintSeverity.ERROR; }

    public String summary() { return "a changeset without a rollback"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        return changeSets.stream().filter(c -> !c.hasRollback())
                .map(c -> new Finding(id(), defaultSeverity(), "Changeset " + c.id() + " has no rollback.",
                        "`dbtool migrate rollback` (and `liquibase rollback`) stop at it: a bad deploy cannot be undone.",
                        "Add a rollback block with the inverse statements (dbtool schema writes them for you).", c.file(), c.line(), 1))
                .toList();
    }
}
