package dev.dbtool.generators.seed;

import dev.dbtool.core.physical.SqlNames;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Optional foreign keys of one table that point at a table filled later (or back into a cycle): set once every table is
 * loaded. The rows (made on demand, never held) are a row's primary key followed by the key's new values; every
 * writer stages them in a table of the same column types and applies them with one {@code UPDATE … FROM}, not one
 * statement per row.
 */
public record SeedLink(String qualifiedName, String displayName, List<String> keyColumns, List<String> linkColumns,
                       Supplier<Iterator<String[]>> rows) {
    public SeedLink {
        keyColumns = List.copyOf(keyColumns);
        linkColumns = List.copyOf(linkColumns);
    }

    /** The staged columns: the primary key, then the linked ones. */
    public List<String> columns() {
        List<String> all = new ArrayList<>(keyColumns);
        all.addAll(linkColumns);
        return List.copyOf(all);
    }

    public Iterator<String[]> iterator() { return rows.get(); }

    /** The staging table's name; {@code index} keeps the links of one plan apart. */
    public static String stagingName(int index) { return "dbtool_seed_link_" + index; }

    /** The CSV file {@code seed --changeset} writes this link's rows to. */
    public String csvName() { return displayName + "." + String.join("_", linkColumns) + ".links.csv"; }

    /** An empty table with the staged columns' types, dropped when the transaction ends. */
    public String createStaging(String staging) {
        return "CREATE TEMPORARY TABLE " + SqlNames.quote(staging) + " ON COMMIT DROP AS SELECT "
                + String.join(", ", columns().stream().map(SqlNames::quote).toList()) + " FROM " + qualifiedName + " WITH NO DATA";
    }

    /** Sets the linked columns of every staged row at once. */
    public String update(String staging) {
        List<String> sets = new ArrayList<>();
        for (String c : linkColumns) sets.add(SqlNames.quote(c) + " = l." + SqlNames.quote(c));
        List<String> on = new ArrayList<>();
        for (String c : keyColumns) on.add("t." + SqlNames.quote(c) + " = l." + SqlNames.quote(c));
        return "UPDATE " + qualifiedName + " AS t SET " + String.join(", ", sets) + " FROM " + SqlNames.quote(staging) + " AS l WHERE "
                + String.join(" AND ", on);
    }
}
