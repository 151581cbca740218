package dev.dbtool.bench;

import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.database.embedded.EmbeddedServer;
import dev.dbtool.generators.seed.SeedOptions;
import dev.dbtool.generators.seed.SeedPlan;
import dev.dbtool.generators.seed.SeedPlanner;
import dev.dbtool.generators.sql.PostgresDdl;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Seed load speed against the server-side ceiling, on one embedded PostgreSQL: a parent (Author), a child with a
 * foreign key (Book), and the implicit m:n join table between Book and a second parent (Reader). Runs
 * {@code dbtool seed --load} as a separate process (so its wall time and peak RSS are the CLI's), for ROWS/10 and
 * ROWS rows. The ceiling is issue #18's: the very rows dbtool loaded, dumped as pg_dump --data-only writes them (COPY
 * … FROM stdin blocks), loaded by {@code psql -1 -f} into an empty copy of the schema (same DDL, same keys and
 * indexes) on the same server in the same run; ratio = ceiling time / dbtool time. It also fills the same shapes with
 * INSERT … SELECT … FROM generate_series (server-side only, no client). Usage: {@code SeedBench ROWS DBTOOL [SCHEMA]}:
 * with a schema file, that schema's tables instead (its {@code @@seed} counts ignored; no generate_series figure).
 */
public final class SeedBench {
    static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model Author {
              id    Int    @id @default(autoincrement())
              email String @unique
              name  String
              books Book[]
            }

            model Book {
              id       Int      @id @default(autoincrement())
              title    String
              price    Decimal  @db.Decimal(8, 2)
              authorId Int
              author   Author   @relation(fields: [authorId], references: [id])
              readers  Reader[]
            }

            model Reader {
              id    Int    @id @default(autoincrement())
              books Book[]
            }
            """;

    private SeedBench() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        String dbtool = args[1];
        Path dir = Files.createTempDirectory("seedbench");
        Path schemaFile = dir.resolve("schema.prisma");
        boolean own = args.length < 3;
        Files.writeString(schemaFile, own ? SCHEMA : Files.readString(Path.of(args[2])).replaceAll("(?m)^\\s*@@seed\\(count: \\d+\\)\\n", ""));
        LoadedSchema loaded = SchemaLoader.load(schemaFile);
        SeedPlan sample = SeedPlanner.plan(loaded.schema(), new SeedOptions(1, 1000));
        double perCount = sample.tables().stream().mapToLong(dev.dbtool.generators.seed.SeedTable::expectedRows).sum() / 1000.0;
        System.out.printf("schema: %s, %d tables, about %.1f rows per --count%n", own ? "Author/Book/Reader + m:n" : args[2], sample.tables().size(), perCount);
        try (EmbeddedServer pg = EmbeddedServer.startTemporary()) {
            String url = pg.jdbcUrl("postgres");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                for (String sql : PostgresDdl.createAll(PhysicalSchemaBuilder.build(loaded.schema()))) st.execute(sql);
            }
            // Every model gets count N; join rows average 1.5 per owner row.
            int per = Math.max(1, (int) Math.round(rows / perCount));
            String pgUrl = "postgresql://postgres@localhost:" + pg.port() + "/postgres";
            double fullSeconds = 0;
            for (int n : new int[] {Math.max(1, per / 10), per}) {
                Path time = dir.resolve("time");
                Process p = new ProcessBuilder("/usr/bin/time", "-f", "%e %M", "-o", time.toString(), dbtool, "seed", "--schema", schemaFile.toString(),
                        "--load", "--truncate", "--count", String.valueOf(n), "--url", pgUrl).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("out").toFile()).start();
                if (p.waitFor() != 0) throw new IllegalStateException(Files.readString(dir.resolve("out")));
                String[] t = Files.readString(time).strip().split(" ");
                long loadedRows = count(url, sample);
                double seconds = Double.parseDouble(t[0]);
                System.out.printf("dbtool seed --load (process): %,d rows in %.2f s = %,.0f rows/s, peak RSS %d MiB%n",
                        loadedRows, seconds, loadedRows / seconds, Long.parseLong(t[1]) / 1024);
                fullSeconds = seconds;
            }
            psqlCeiling(pg, loaded, sample, dir, fullSeconds);
            SeedPlan plan = SeedPlanner.plan(loaded.schema(), new SeedOptions(1, per));
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url)) {
                long n = dev.dbtool.database.seed.CopyLoader.load(c, java.util.List.of("TRUNCATE " + String.join(", ", plan.truncateOrder()) + " CASCADE"),
                        plan, x -> { });
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("seed load in-process (no JVM start):  %,d rows in %.2f s = %,.0f rows/s%n", n, s, n / s);
            }
            if (!own) return;
            long joinRows = count(url, "\"_BookToReader\"");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("TRUNCATE \"Author\", \"Book\", \"Reader\", \"_BookToReader\" CASCADE");
                long t = System.nanoTime();
                st.execute("INSERT INTO \"Author\" (id, email, name) SELECT i, 'user' || i || '@example.com', 'Name ' || i FROM generate_series(1, " + per + ") i");
                st.execute("INSERT INTO \"Reader\" (id) SELECT i FROM generate_series(1, " + per + ") i");
                st.execute("INSERT INTO \"Book\" (id, title, price, \"authorId\") SELECT i, 'Title ' || i, (i % 10000) / 100.0, 1 + (i * 7919) % "
                        + per + " FROM generate_series(1, " + per + ") i");
                st.execute("INSERT INTO \"_BookToReader\" (\"A\", \"B\") SELECT 1 + i % " + per + ", 1 + (i / " + per + " + i * 31) % " + per
                        + " FROM generate_series(0, " + (joinRows - 1) + ") i ON CONFLICT DO NOTHING");
                double s = (System.nanoTime() - t) / 1e9;
                long n = count(url, plan);
                System.out.printf("INSERT ... SELECT generate_series (ceiling): %,d rows in %.2f s = %,.0f rows/s%n", n, s, n / s);
            }
        } finally {
            for (File f : dir.toFile().listFiles()) f.delete();
            dir.toFile().delete();
        }
    }

    /** psql loading a data-only dump of the rows dbtool just loaded into an empty copy of the schema. */
    static void psqlCeiling(EmbeddedServer pg, LoadedSchema loaded, SeedPlan plan, Path dir, double dbtoolSeconds) throws Exception {
        String psql = java.util.stream.Stream.of("/usr/bin/psql", "/usr/lib/postgresql/15/bin/psql").filter(f -> new File(f).canExecute()).findFirst().orElse(null);
        if (psql == null) {
            System.out.println("psql ceiling: skipped, no psql (apt-get install postgresql-client)");
            return;
        }
        String url = pg.jdbcUrl("postgres");
        Path dump = dir.resolve("dump.sql");
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url); var out = new java.io.BufferedOutputStream(Files.newOutputStream(dump), 1 << 20)) {
            var copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (String table : plan.tables().stream().map(dev.dbtool.generators.seed.SeedTable::qualifiedName).toList()) {
                out.write(("COPY " + table + " FROM stdin;\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                rows += copy.copyOut("COPY " + table + " TO STDOUT", out);
                out.write("\\.\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS ceiling");
            st.execute("CREATE DATABASE ceiling");
        }
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("ceiling")); Statement st = c.createStatement()) {
            for (String sql : PostgresDdl.createAll(PhysicalSchemaBuilder.build(loaded.schema()))) st.execute(sql);
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(psql, "-q", "-1", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", String.valueOf(pg.port()), "-U", "postgres",
                "-d", "ceiling", "-f", dump.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("psql.out").toFile()).start();
        if (p.waitFor() != 0) throw new IllegalStateException("psql: " + Files.readString(dir.resolve("psql.out")));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("psql -1 -f of the same rows, data-only dump (ceiling): %,d rows in %.2f s = %,.0f rows/s%n", rows, s, rows / s);
        System.out.printf("seed ratio (ceiling time / dbtool time): %.2f%n", s / dbtoolSeconds);
    }

    static long count(String url, SeedPlan plan) throws Exception {
        long n = 0;
        for (var t : plan.tables()) n += count(url, t.qualifiedName());
        return n;
    }

    static long count(String url, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
