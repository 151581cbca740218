package dev.dbtool.database.seed;

import dev.dbtool.core.physical.SqlNames;
import java.util.List;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into PostgreSQL with COPY, in one transaction: on any error nothing stays, and the error names the
 * table and the row (PostgreSQL's COPY context). Memory is constant: rows are made as COPY reads them.
 */
public final class CopyLoader {
    /** One table's rows in PostgreSQL's text input form (null for NULL), made on demand. */
    public record Table(String qualifiedName, String displayName, List<String> columns, java.util.function.Supplier<Iterator<String[]>> rows) {}

    private CopyLoader() {}

    /**
     * Runs {@code before}, copies every table in order, runs {@code after}, commits; {@code progress} receives the
     * running row count. Returns the number of rows loaded.
     */
    public static long load(Connection c, List<String> before, List<Table> tables, List<String> after, LongConsumer progress)
            throws SeedLoadException {
        long total = 0;
        String current = null;
        try {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement st = c.createStatement()) {
                for (String sql : before) st.execute(sql);
            }
            for (Table t : tables) {
                if (t.columns().isEmpty()) continue;
                current = t.displayName();
                String sql = "COPY " + t.qualifiedName() + " (" + t.columns().stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + ") FROM STDIN";
                long base = total;
                total += copy.copyIn(sql, new RowReader(t.rows().get(), n -> progress.accept(base + n)));
            }
            current = "linking rows and setting sequences";
            try (Statement st = c.createStatement()) {
                for (String sql : after) st.execute(sql);
            }
            c.commit();
            return total;
        } catch (SQLException | IOException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; nothing was committed either way
            }
            throw new SeedLoadException("seeding " + (current == null ? "the database" : current) + " failed, nothing was loaded: "
                    + e.getMessage().strip(), e);
        }
    }

    /** COPY's text format, made row by row as the driver reads. */
    private static final class RowReader extends Reader {
        private final Iterator<String[]> rows;
        private final LongConsumer progress;
        private final StringBuilder buffer = new StringBuilder();
        private int pos;
        private long count;

        RowReader(Iterator<String[]> rows, LongConsumer progress) {
            this.rows = rows;
            this.progress = progress;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            while (pos >= buffer.length()) {
                if (!rows.hasNext()) return -1;
                buffer.setLength(0);
                pos = 0;
                for (int k = 0; k < 256 && rows.hasNext(); k++) {
                    String[] r = rows.next();
                    for (int i = 0; i < r.length; i++) {
                        if (i > 0) buffer.append('\t');
                        escape(r[i], buffer);
                    }
                    buffer.append('\n');
                    if (++count % 10_000 == 0) progress.accept(count);
                }
            }
            int n = Math.min(len, buffer.length() - pos);
            buffer.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        private static void escape(String v, StringBuilder out) {
            if (v == null) {
                out.append("\\N");
                return;
            }
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }

        @Override
        public void close() { }
    }
}
