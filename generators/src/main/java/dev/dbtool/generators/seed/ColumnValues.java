package dev.dbtool.generators.seed;

/** A column's value for any row, as PostgreSQL's text input form, or null for NULL. A pure function of the row. */
@FunctionalInterface
interface ColumnValues {
    String at(int row);
}
