package dev.dbtool.generators.advisor;

import java.util.List;

/** An index the database already has (read from the catalog); {@code where} is its predicate or null. */
public record ExistingIndex(String table, String name, List<IndexKey> keys, String where, boolean valid, boolean unique) {}
