package dev.dbtool.generators.seed;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One table's seed rows: the columns written, a fresh iterator over the rows (values in PostgreSQL's text input
 * form, null for NULL; rows are made on demand, never held), and SQL to run once every table is filled
 * (sequence positions), the optional keys set once every table is filled ({@code links}); {@code expectedRows} is how many rows it makes (for an implicit m:n table,
 * which picks partners at random, the expected number), for progress reports.
 */
public record SeedTable(String qualifiedName, String displayName, List<String> columns, Supplier<Iterator<String[]>> rows,
                        List<String> afterSql, List<SeedLink> links, long expectedRows) {
    public Iterator<String[]> iterator() { return rows.get(); }
}
