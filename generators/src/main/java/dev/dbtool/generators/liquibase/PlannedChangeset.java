package dev.dbtool.generators.liquibase;

import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.core.physical.DbSchema;

/**
 * What {@code dbtool schema} writes: the changeset file (path relative to the migrations folder), the master
 * changelog with its include appended, and the new snapshot.
 */
public record PlannedChangeset(String id, SchemaDiff diff, String changesetPath, String changesetText, String masterText,
                               DbSchema state, String snapshotText) {}
