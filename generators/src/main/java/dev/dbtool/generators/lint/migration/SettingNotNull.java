package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** setting NOT NULL on an existing column without a CHECK … NOT VALID first. */
public final class SettingNotNull implements MigrationRule {
    public String id() { return "setting-not-null"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "setting NOT NULL on an existing column without a CHECK … NOT VALID first"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (!Tables.existing(s, table) || !s.has("SET", "NOT", "NULL")) continue;
            out.add(Tables.finding(this, s, "A column of " + table + " is made NOT NULL.",
                    "PostgreSQL scans the whole table under an ACCESS EXCLUSIVE lock to check it.",
                    "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c; then SET NOT NULL (it uses the check) and drop c."));
        }
        return out;
    }
}
