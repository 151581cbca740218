package dev.dbtool.generators.seed;

import dev.dbtool.core.physical.SqlNames;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A seed plan as one SQL script that {@code psql -f} runs (and any JDBC client): a single transaction of
 * multi-row INSERTs (500 rows each), then the keys linked after the load (staged the same way, applied with one
 * UPDATE per key) and the sequence positions. Streams: rows are written as they are made.
 */
public final class SqlScriptWriter {
    static final int ROWS_PER_INSERT = 500;

    private SqlScriptWriter() {}

    public static void write(SeedPlan plan, boolean truncate, Writer out) throws IOException {
        out.write("-- Seed data written by dbtool seed. Deterministic: the same schema, counts and --seed give the same file.\n");
        out.write("BEGIN;\n");
        if (truncate && !plan.tables().isEmpty()) {
            out.write("TRUNCATE " + String.join(", ", plan.truncateOrder()) + " CASCADE;\n");
        }
        for (SeedTable t : plan.tables()) {
            if (!t.columns().isEmpty()) inserts(t.qualifiedName(), t.columns(), t.iterator(), out);
        }
        int index = 0;
        for (SeedTable t : plan.tables()) {
            for (SeedLink link : t.links()) {
                String staging = SeedLink.stagingName(index++);
                out.write(link.createStaging(staging) + ";\n");
                inserts(SqlNames.quote(staging), link.columns(), link.iterator(), out);
                out.write(link.update(staging) + ";\n");
            }
        }
        for (SeedTable t : plan.tables()) for (String sql : t.afterSql()) out.write(sql + ";\n");
        out.write("COMMIT;\n");
    }

    private static void inserts(String target, List<String> columns, Iterator<String[]> rows, Writer out) throws IOException {
        String head = "INSERT INTO " + target + " (" + columns.stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + ") VALUES\n";
        int inBatch = 0;
        while (rows.hasNext()) {
            String[] r = rows.next();
            out.write(inBatch == 0 ? head : ",\n");
            out.write("(");
            for (int i = 0; i < r.length; i++) {
                if (i > 0) out.write(", ");
                out.write(SeedPlanner.literal(r[i]));
            }
            out.write(")");
            if (++inBatch == ROWS_PER_INSERT) {
                out.write(";\n");
                inBatch = 0;
            }
        }
        if (inBatch > 0) out.write(";\n");
    }
}
