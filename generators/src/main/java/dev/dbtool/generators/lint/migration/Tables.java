package dev.dbtool.generators.lint.migration;

import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintRule;
import dev.dbtool.generators.lint.SqlTokens;
import dev.dbtool.generators.lint.Statement;
import java.util.List;

/** Which table a DDL statement works on, and whether that table existed before its changeset. */
final class Tables {
    private Tables() {}

    /** The table of {@code ALTER TABLE [IF EXISTS] [ONLY] [schema.]name}, or null. */
    static String altered(Statement s) {
        if (!s.startsWith("ALTER", "TABLE")) return null;
        return name(s.tokens(), 2);
    }

    /** The table of {@code CREATE [UNIQUE] INDEX … ON [ONLY] [schema.]name}, or null. */
    static String indexed(Statement s) {
        if (!s.startsWith("CREATE")) return null;
        int on = s.indexOf(0, "ON");
        if (on < 0 || !s.has("INDEX")) return null;
        return name(s.tokens(), on + 1);
    }

    static String name(List<String> t, int i) { return SqlTokens.objectName(t, i); }

    static boolean existing(Statement s, String table) {
        return table != null && !s.changeSet().createdTables().contains(table);
    }

    static Finding finding(LintRule rule, Statement s, String message, String why, String fix) {
        return new Finding(rule.id(), rule.defaultSeverity(), message + " (changeset " + s.changeSet().id() + ")", why, fix,
                s.changeSet().file(), s.changeSet().line(), 1);
    }
}
