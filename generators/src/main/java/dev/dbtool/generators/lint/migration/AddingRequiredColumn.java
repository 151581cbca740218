package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** adding a NOT NULL column without a default to an existing table. */
public final class AddingRequiredColumn implements MigrationRule {
    public String id() { return "adding-required-column"; }

    public LintSeverity defaultSeverity() { return LintSeverity.ERROR; }

    public String summary() { return "adding a NOT NULL column without a default to an existing table"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (!Tables.existing(s, table) || !s.has("ADD") || !s.has("NOT", "NULL") || s.has("DEFAULT") || s.has("SERIAL") || s.has("BIGSERIAL")) continue;
            if (s.has("ADD", "CONSTRAINT")) continue;
            out.add(Tables.finding(this, s, "A required column without a default is added to " + table + ".",
                    "PostgreSQL rejects it as soon as the table has a row: the deploy fails in production although it passed on an empty database.",
                    "Add it nullable (or with a DEFAULT), backfill it in batches, then SET NOT NULL (see setting-not-null)."));
        }
        return out;
    }
}
