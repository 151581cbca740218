package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** adding a unique constraint instead of building a unique index concurrently first. */
public final class AddingUniqueConstraint implements MigrationRule {
    public String id() { return "adding-unique-constraint"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "adding a unique constraint instead of building a unique index concurrently first"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (!Tables.existing(s, table) || !s.has("ADD") || !s.has("UNIQUE") || s.has("USING", "INDEX")) continue;
            out.add(Tables.finding(this, s, "A unique constraint is added to " + table + ".",
                    "Adding it builds its index under an ACCESS EXCLUSIVE lock: the table is unusable for the whole build.",
                    "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE USING INDEX (instant)."));
        }
        return out;
    }
}
