package dev.dbtool.generators.lint;

import java.util.List;

/** A migration-safety rule over the statements of changesets (what squawk checks, for Liquibase). */
public interface MigrationRule extends LintRule {
    List<Finding> check(List<Statement> statements, List<ChangeSetInfo> changeSets);
}
