package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.ChangeSetInfo;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.MigrationRule;
import dev.dbtool.generators.lint.Statement;
import java.util.ArrayList;
import java.util.List;

/** a volatile default on an existing table. */
public final class VolatileDefault implements MigrationRule {
    public String id() { return "volatile-default"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "a volatile default on an existing table"; }

    public List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets) {
        List<Finding> out = new ArrayList<>();
        for (Statement s : statements) {
            String table = Tables.altered(s);
            if (!Tables.existing(s, table) || !s.has("ADD") || !s.has("DEFAULT")) continue;
            int d = s.indexOf(0, "DEFAULT");
            String fn = d + 1 < s.tokens().size() ? s.tokens().get(d + 1) : "";
            if (!List.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V4", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL").contains(fn)) continue;
            out.add(Tables.finding(this, s, "A column with a volatile default (" + fn.toLowerCase() + "()) is added to " + table + ".",
                    "A volatile default is computed for every existing row: the table is rewritten under an ACCESS EXCLUSIVE lock.",
                    "Add the column without the default (or with a constant), set the default afterwards, and backfill in batches."));
        }
        return out;
    }
}
