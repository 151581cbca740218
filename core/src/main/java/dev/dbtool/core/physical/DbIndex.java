package dev.dbtool.core.physical;

import java.util.List;

/** An index; {@code method} is null for btree (the default), else {@code GIN}, {@code HASH}, …; {@code where} a predicate or null. */
public record DbIndex(String name, boolean unique, List<DbIndexColumn> columns, String method, String where) {}
