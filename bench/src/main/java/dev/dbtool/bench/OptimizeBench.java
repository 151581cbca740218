package dev.dbtool.bench;

import dev.dbtool.database.advisor.Advisor;
import dev.dbtool.database.advisor.AdvisorResult;
import dev.dbtool.database.advisor.WhatIf;
import dev.dbtool.database.embedded.EmbeddedServer;
import dev.dbtool.generators.advisor.Recommendation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * dbtool optimize on a workload (issue #8): the workload's real time with no secondary indexes, with the indexes a
 * DBA would add (the reference), and with the advisor's recommendations (from a recorded run of the same workload);
 * then the advisor's run time on 500 distinct statements.
 * Usage: OptimizeBench [SCALE] [ITERATIONS]   (SCALE 1 = 200k orders)
 */
public final class OptimizeBench {
    static final String[] WORKLOAD = {
        "SELECT id, total, created_at FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20",
        "SELECT id, subject FROM tickets WHERE closed_at IS NULL AND priority > ?",
        "SELECT o.id, i.sku FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.id = ?",
        "SELECT count(*) FROM orders WHERE status = ? AND created_at > ?",
        "SELECT * FROM customers WHERE id = ?",
        "UPDATE tickets SET priority = priority WHERE id = ?",
    };
    static final String[] REFERENCE = {
        "CREATE INDEX ref_orders_customer_created ON orders (customer_id, created_at DESC)",
        "CREATE INDEX ref_tickets_open_priority ON tickets (priority) WHERE closed_at IS NULL",
        "CREATE INDEX ref_items_order ON order_items (order_id)",
        "CREATE INDEX ref_orders_status_created ON orders (status, created_at)",
    };

    private OptimizeBench() {}

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        try (EmbeddedServer pg = EmbeddedServer.startTemporary()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres")); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE bench");
            }
            String url = pg.jdbcUrl("bench");
            int orders = 200_000 * scale;
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION pg_stat_statements");
                st.execute("CREATE TABLE customers (id serial PRIMARY KEY, email text UNIQUE NOT NULL, name text NOT NULL)");
                st.execute("CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, status text NOT NULL, total numeric(10,2), "
                        + "created_at timestamp(3) NOT NULL)");
                st.execute("CREATE TABLE order_items (id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders, sku text NOT NULL, qty int NOT NULL)");
                st.execute("CREATE TABLE tickets (id serial PRIMARY KEY, priority int NOT NULL, subject text NOT NULL, closed_at timestamp(3))");
                st.execute("INSERT INTO customers (email, name) SELECT 'c' || i || '@example.com', 'Customer ' || i FROM generate_series(1, " + orders / 10 + ") i");
                st.execute("INSERT INTO orders (customer_id, status, total, created_at) SELECT 1 + (i::bigint * 7919) % " + orders / 10 + ", "
                        + "(ARRAY['open','paid','shipped','done','done','done','done','done'])[1 + i % 8], i % 500, now() - (i || ' minutes')::interval "
                        + "FROM generate_series(1, " + orders + ") i");
                st.execute("INSERT INTO order_items (order_id, sku, qty) SELECT 1 + (i::bigint * 104729) % " + orders + ", 'SKU-' || i % 3000, 1 + i % 4 "
                        + "FROM generate_series(1, " + orders + ") i");
                st.execute("INSERT INTO tickets (priority, subject, closed_at) SELECT i % 100, 'Ticket ' || i, CASE WHEN i % 50 = 0 THEN NULL ELSE now() END "
                        + "FROM generate_series(1, " + orders / 2 + ") i");
                st.execute("VACUUM ANALYZE");
            }
            System.out.printf("machine: %d cores; data: %,d orders, %,d items, %,d customers, %,d tickets; workload: %d statements x %d runs%n",
                    Runtime.getRuntime().availableProcessors(), orders, orders, orders / 10, orders / 2, WORKLOAD.length, iterations);
            runWorkload(url, orders, 20);
            double none = runWorkload(url, orders, iterations);
            exec(url, REFERENCE);
            runWorkload(url, orders, 20);
            double reference = runWorkload(url, orders, iterations);
            exec(url, "DROP INDEX ref_orders_customer_created", "DROP INDEX ref_tickets_open_priority", "DROP INDEX ref_items_order", "DROP INDEX ref_orders_status_created");
            for (WhatIf.Mode mode : new WhatIf.Mode[] {WhatIf.Mode.BUILD, WhatIf.Mode.NONE}) {
                exec(url, "SELECT pg_stat_statements_reset()", "SELECT pg_stat_reset()");
                runWorkload(url, orders, 50);
                AdvisorResult advice = Advisor.run(new Advisor.Options(url, 10, 500, Long.MAX_VALUE, mode));
                List<String> created = new ArrayList<>();
                for (Recommendation r : advice.recommendations()) {
                    exec(url, r.index().createSql(false));
                    created.add("DROP INDEX " + (r.index().schema().equals("public") ? "" : r.index().schema() + ".") + "\"" + r.index().name() + "\"");
                }
                runWorkload(url, orders, 20);
                double advised = runWorkload(url, orders, iterations);
                System.out.printf(Locale.ROOT, "%n--what-if %s: %d indexes advised in %d ms%n", mode.name().toLowerCase(Locale.ROOT), advice.recommendations().size(),
                        advice.elapsedMs());
                for (Recommendation r : advice.recommendations()) System.out.println("  " + r.index().createSql(false));
                System.out.printf(Locale.ROOT, "workload time: no indexes %.0f ms, reference indexes %.0f ms, advised indexes %.0f ms%n", none, reference, advised);
                System.out.printf(Locale.ROOT, "saving: reference %.0f ms, advised %.0f ms = %.1f%% of the reference's saving (target >= 95%%)%n", none - reference,
                        none - advised, 100 * (none - advised) / (none - reference));
                exec(url, created.toArray(String[]::new));
            }
            distinctStatements(url);
        }
    }

    /** 500 distinct statements (different columns read, filtered and sorted), each run twice, then one advisor run per mode. */
    private static void distinctStatements(String url) throws Exception {
        String[] cols = {"id", "customer_id", "status", "total", "created_at"};
        List<String> sqls = new ArrayList<>();
        outer:
        for (int mask = 1; mask < 32; mask++) {
            List<String> read = new ArrayList<>();
            for (int b = 0; b < 5; b++) if ((mask & (1 << b)) != 0) read.add(cols[b]);
            for (String where : new String[] {"customer_id = ?", "status = ?", "total > ?", "created_at > now() - interval '1 hour' * ?"}) {
                for (String extra : new String[] {"", " AND id > 0", " AND total IS NOT NULL", " AND status <> 'x'"}) {
                    for (String order : new String[] {" LIMIT 10", " ORDER BY created_at DESC LIMIT 10", " ORDER BY total LIMIT 10", " ORDER BY id DESC LIMIT 10"}) {
                        sqls.add("SELECT " + String.join(", ", read) + " FROM orders WHERE " + where + extra + order);
                        if (sqls.size() == 500) break outer;
                    }
                }
            }
        }
        exec(url, "SELECT pg_stat_statements_reset()");
        try (Connection c = DriverManager.getConnection(url)) {
            for (String sql : sqls) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < 2; i++) {
                        if (sql.contains("status = ?")) ps.setString(1, "open");
                        else ps.setInt(1, 1 + i);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) rs.getObject(1);
                        }
                    }
                }
            }
        }
        for (WhatIf.Mode mode : new WhatIf.Mode[] {WhatIf.Mode.NONE, WhatIf.Mode.BUILD}) {
            AdvisorResult r = Advisor.run(new Advisor.Options(url, 1, 1000, Long.MAX_VALUE, mode));
            System.out.printf(Locale.ROOT, "%nadvisor on %d distinct statements (--what-if %s): %d candidates, %d advised, %.1f s (target < 30 s)%n", r.workload().size(),
                    mode.name().toLowerCase(Locale.ROOT), r.candidates(), r.recommendations().size(), r.elapsedMs() / 1000.0);
        }
    }

    private static double runWorkload(String url, int orders, int iterations) throws Exception {
        Random random = new Random(42);
        String[] statuses = {"open", "paid", "shipped"};
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            List<PreparedStatement> ps = new ArrayList<>();
            for (String sql : WORKLOAD) ps.add(c.prepareStatement(sql));
            for (int i = 0; i < iterations; i++) {
                ps.get(0).setInt(1, 1 + random.nextInt(orders / 10));
                ps.get(1).setInt(1, 95 + random.nextInt(5));
                ps.get(2).setInt(1, 1 + random.nextInt(orders));
                ps.get(3).setString(1, statuses[random.nextInt(3)]);
                ps.get(3).setObject(2, java.time.LocalDateTime.now().minusHours(1 + random.nextInt(48)));
                ps.get(4).setInt(1, 1 + random.nextInt(orders / 10));
                ps.get(5).setInt(1, 1 + random.nextInt(orders / 2));
                for (PreparedStatement p : ps) {
                    if (p.execute()) {
                        try (ResultSet rs = p.getResultSet()) {
                            while (rs.next()) rs.getObject(1);
                        }
                    }
                }
            }
            for (PreparedStatement p : ps) p.close();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void exec(String url, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }
}
