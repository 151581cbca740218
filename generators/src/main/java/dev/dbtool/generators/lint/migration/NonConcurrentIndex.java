package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** creating an index on an existing table without CONCURRENTLY. */
public final class NonConcurrentIndex implements MigrationRule {
    public String id() { return "non-concurrent-index"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "creating an index on an existing table without CONCURRENTLY"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.indexed(s);
            if (!Tables.existing(s, table) || s.has("CONCURRENTLY")) continue;
            out.add(Tables.finding(this, s, "An index is built on " + table + " without CONCURRENTLY.",
                    "CREATE INDEX holds a lock that blocks every INSERT, UPDATE and DELETE on the table for the whole build.",
                    "CREATE INDEX CONCURRENTLY in a changeset of its own with runInTransaction: false (CONCURRENTLY cannot run in a transaction)."));
        }
        return out;
    }
}
