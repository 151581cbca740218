package dev.dbtool.generators.lint;

import java.util.Set;

/**
 * A changeset as the migration rules see it: id, file and line, whether it has a rollback (given, or one Liquibase
 * makes itself), its comment (where suppressions live), and the tables it creates (so work on them is not "on an
 * existing table").
 */
public record ChangeSetInfo(String id, String file, int line, boolean hasRollback, String comment, Set<String> createdTables) {}
