package dev.dbtool.generators.seed;

import dev.dbtool.core.physical.SqlNames;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * A seed plan as one SQL script that {@code psql -f} runs (and any JDBC client): a single transaction of
 * multi-row INSERTs (500 rows each), then the deferred links and sequence positions. Streams: rows are written as
 * they are made.
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
            if (t.columns().isEmpty()) continue;
            String head = "INSERT INTO " + t.qualifiedName() + " (" + t.columns().stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + ") VALUES\n";
            Iterator<String[]> rows = t.iterator();
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
        for (SeedTable t : plan.tables()) for (String sql : t.afterSql()) out.write(sql + ";\n");
        out.write("COMMIT;\n");
    }
}
