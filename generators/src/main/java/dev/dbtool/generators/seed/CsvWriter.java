package dev.dbtool.generators.seed;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;

/**
 * One table's rows as the CSV Liquibase's {@code loadData} reads: a header of column names, every value quoted
 * ({@code ""} escapes a quote), NULL as the bare word {@code NULL}. Streams: rows are written as they are made.
 */
public final class CsvWriter {
    private CsvWriter() {}

    public static long write(SeedTable table, Writer out) throws IOException {
        return write(table.columns(), table.iterator(), out);
    }

    /** The rows of the keys linked after the load, for the staging table they are loaded into. */
    public static long write(SeedLink link, Writer out) throws IOException {
        return write(link.columns(), link.iterator(), out);
    }

    private static long write(List<String> columns, Iterator<String[]> rows, Writer out) throws IOException {
        out.write(String.join(",", columns.stream().map(CsvWriter::quote).toList()));
        out.write('\n');
        long n = 0;
        for (Iterator<String[]> it = rows; it.hasNext(); n++) {
            String[] r = it.next();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) out.write(',');
                out.write(r[i] == null ? "NULL" : quote(r[i]));
            }
            out.write('\n');
        }
        return n;
    }

    private static String quote(String v) { return "\"" + v.replace("\"", "\"\"") + "\""; }
}
