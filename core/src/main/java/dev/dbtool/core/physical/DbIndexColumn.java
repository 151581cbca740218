package dev.dbtool.core.physical;

/** One indexed column: descending or not, with an operator class ({@code jsonb_path_ops}) or null. */
public record DbIndexColumn(String name, boolean descending, String operatorClass) {}
