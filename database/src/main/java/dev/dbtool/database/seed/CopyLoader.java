package dev.dbtool.database.seed;

import dev.dbtool.core.physical.SqlNames;
import dev.dbtool.generators.seed.SeedLink;
import dev.dbtool.generators.seed.SeedPlan;
import dev.dbtool.generators.seed.SeedTable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into PostgreSQL with COPY, in one transaction: on any error nothing stays, and the error names the
 * table and the row (PostgreSQL's COPY context). Rows are made on a thread of their own while the server takes the
 * previous ones (generation and loading overlap, also across tables), encoded straight to COPY's text format in UTF-8;
 * a small bounded queue between the two keeps memory constant whatever the row count. Keys set after the load are
 * copied the same way into a staging table and applied with one UPDATE per key.
 */
public final class CopyLoader {
    /**
     * One COPY: rows in PostgreSQL's text input form (null for NULL), made on demand, into {@code target}; {@code before}
     * and {@code after} run around it; {@code counted} says whether its rows are seed rows (staged links are not).
     */
    private record Copy(String target, String displayName, List<String> columns, java.util.function.Supplier<Iterator<String[]>> rows,
                        List<String> before, List<String> after, boolean counted) {}

    /** Bytes of COPY text per chunk handed from the generating thread to the loading one. */
    private static final int CHUNK = 256 * 1024;
    /** Chunks in flight: enough to keep both sides busy, 2 MiB at most. */
    private static final int QUEUE = 8;

    private CopyLoader() {}

    /** A piece of one table's COPY data; {@code bytes == null} ends the table. */
    private record Chunk(int table, byte[] bytes, int length) {}

    /**
     * Runs {@code before}, copies every table of the plan in order, sets the keys linked after the load and the
     * sequences, commits; {@code progress} receives the running row count. Returns the number of rows loaded.
     */
    public static long load(Connection c, List<String> before, SeedPlan plan, LongConsumer progress) throws SeedLoadException {
        List<Copy> tables = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (SeedTable t : plan.tables()) {
            tables.add(new Copy(t.qualifiedName(), t.displayName(), t.columns(), t.rows(), List.of(), List.of(), true));
            after.addAll(t.afterSql());
        }
        int index = 0;
        for (SeedTable t : plan.tables()) {
            for (SeedLink link : t.links()) {
                String staging = SeedLink.stagingName(index++);
                tables.add(new Copy(SqlNames.quote(staging), "the links of " + t.displayName(), link.columns(), link.rows(),
                        List.of(link.createStaging(staging)), List.of(link.update(staging)), false));
            }
        }
        return load(c, before, tables, after, progress);
    }

    private static long load(Connection c, List<String> before, List<Copy> tables, List<String> after, LongConsumer progress)
            throws SeedLoadException {
        String current = null;
        Producer producer = new Producer(tables, progress);
        Thread thread = new Thread(producer, "dbtool-seed-rows");
        thread.setDaemon(true);
        try {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement st = c.createStatement()) {
                for (String sql : before) st.execute(sql);
            }
            thread.start();
            for (int i = 0; i < tables.size(); i++) {
                Copy t = tables.get(i);
                if (t.columns().isEmpty()) continue;
                current = t.displayName();
                try (Statement st = c.createStatement()) {
                    for (String sql : t.before()) st.execute(sql);
                }
                String sql = "COPY " + t.target() + " (" + t.columns().stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + ") FROM STDIN";
                CopyIn in = copy.copyIn(sql);
                try {
                    for (Chunk chunk = producer.take(); chunk.bytes() != null; chunk = producer.take()) {
                        in.writeToCopy(chunk.bytes(), 0, chunk.length());
                    }
                    in.endCopy();
                } finally {
                    if (in.isActive()) in.cancelCopy();
                }
                try (Statement st = c.createStatement()) {
                    for (String s : t.after()) st.execute(s);
                }
            }
            current = "setting sequences";
            try (Statement st = c.createStatement()) {
                for (String sql : after) st.execute(sql);
            }
            c.commit();
            return producer.rows;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; nothing was committed either way
            }
            String message = e instanceof Producer.Failure f ? "making its rows failed: " + f.getCause() : String.valueOf(e.getMessage()).strip();
            throw new SeedLoadException("seeding " + (current == null ? "the database" : current) + " failed, nothing was loaded: " + message, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedLoadException("seeding was interrupted, nothing was loaded", e);
        } finally {
            thread.interrupt();
        }
    }

    /** Makes every table's rows, in order, as COPY text chunks. */
    private static final class Producer implements Runnable {
        private final List<Copy> tables;
        private final LongConsumer progress;
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE);
        private volatile Throwable failure;
        private volatile long rows;

        Producer(List<Copy> tables, LongConsumer progress) {
            this.tables = tables;
            this.progress = progress;
        }

        /** A row generator that threw: reported as such, not as a database error. */
        static final class Failure extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Failure(Throwable cause) { super(cause); }
        }

        Chunk take() throws InterruptedException {
            while (true) {
                Chunk c = queue.poll(100, TimeUnit.MILLISECONDS);
                if (c != null) return c;
                if (failure != null) throw new Failure(failure);
            }
        }

        @Override
        public void run() {
            try {
                long count = 0;
                Encoder out = new Encoder();
                for (int i = 0; i < tables.size(); i++) {
                    Copy t = tables.get(i);
                    if (t.columns().isEmpty()) continue;
                    long step = t.counted() ? 1 : 0;
                    for (Iterator<String[]> it = t.rows().get(); it.hasNext(); ) {
                        String[] r = it.next();
                        for (int k = 0; k < r.length; k++) {
                            if (k > 0) out.put((byte) '\t');
                            out.value(r[k]);
                        }
                        out.put((byte) '\n');
                        count += step;
                        if (out.size() >= CHUNK) {
                            queue.put(new Chunk(i, out.buffer(), out.size()));
                            out = new Encoder();
                            rows = count;
                            progress.accept(count);
                        }
                    }
                    if (out.size() > 0) queue.put(new Chunk(i, out.buffer(), out.size()));
                    out = new Encoder();
                    rows = count;
                    progress.accept(count);
                    queue.put(new Chunk(i, null, 0));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the loader stopped: nothing more to make
            } catch (Throwable e) {
                failure = e;
            }
        }
    }

    /** COPY text format in UTF-8, escaped as PostgreSQL reads it. */
    private static final class Encoder {
        private byte[] buf = new byte[CHUNK + 4096];
        private int size;

        int size() { return size; }

        byte[] buffer() { return buf; }

        void put(byte b) {
            if (size == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            buf[size++] = b;
        }

        void value(String v) {
            if (v == null) {
                put((byte) '\\');
                put((byte) 'N');
                return;
            }
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch < 0x80) {
                    switch (ch) {
                        case '\\' -> { put((byte) '\\'); put((byte) '\\'); }
                        case '\t' -> { put((byte) '\\'); put((byte) 't'); }
                        case '\n' -> { put((byte) '\\'); put((byte) 'n'); }
                        case '\r' -> { put((byte) '\\'); put((byte) 'r'); }
                        default -> put((byte) ch);
                    }
                } else {
                    // the rare non-ASCII value: let the JDK encode it (surrogate pairs included)
                    int end = i + 1;
                    while (end < v.length() && v.charAt(end) >= 0x80) end++;
                    for (byte b : v.substring(i, end).getBytes(StandardCharsets.UTF_8)) put(b);
                    i = end - 1;
                }
            }
        }
    }
}
