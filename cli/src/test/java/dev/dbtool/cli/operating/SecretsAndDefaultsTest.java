package dev.dbtool.cli.operating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator types wrong, and what `dbtool seed` does with no output option. */
class SecretsAndDefaultsTest {
    static final String SCHEMA = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
            + "model Customer {\n  id    Int     @id @default(autoincrement())\n  email String  @unique\n  orders Order[]\n}\n\n"
            + "model Order {\n  id         Int      @id @default(autoincrement())\n  customerId Int\n  customer   Customer @relation(fields: [customerId], references: [id])\n}\n";

    @TempDir Path dir;

    @Test
    void noPasswordInUsageOrConnectionErrors() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        CliRun cli = new CliRun(dir);
        cli.ok("schema", "--name", "init");
        for (String[] args : new String[][] {
            {"migrate", "--uri", "postgresql://app:s3cret-pw@db.internal:5432/app"},
            {"migrate", "--url", "postgresql://app:s3cret-pw@127.0.0.1:1/app"},
            {"seed", "--url", "postgresql://app:s3cret-pw@127.0.0.1:1/app", "--bogus"},
            {"diff", "--url", "jdbc:postgresql://127.0.0.1:1/app?user=app&password=s3cret-pw"},
        }) {
            CliRun.Result r = cli.run(args);
            assertTrue(r.code() == 2 || r.code() == 3, String.join(" ", args) + ": " + r.err());
            assertFalse((r.out() + r.err()).contains("s3cret-pw"), String.join(" ", args) + " printed the password: " + r.err());
        }
    }

    @Test
    void seedWithNoOutputOptionLoadsAndOutNeverReplacesADirectory() throws Exception {
        String db = TestDatabases.create("seed_default");
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        CliRun cli = new CliRun(dir);
        cli.ok("schema", "--name", "init");
        cli.ok("migrate", "--url", db);
        CliRun.Result seeded = cli.ok("seed", "--count", "100", "--url", db);
        assertTrue(seeded.err().contains("Loaded"), seeded.err());
        assertEquals("100", TestDatabases.query(db, "SELECT count(*) FROM \"Customer\""));

        Path out = Files.createDirectory(dir.resolve("seed-out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRun.Result refused = cli.run("seed", "--out", "seed-out", "--force");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("is a directory"), refused.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void aTerminalGetsProgressBarsAndAPipeDoesNot() throws Exception {
        String db = TestDatabases.create("seed_progress");
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        CliRun cli = new CliRun(dir);
        cli.ok("schema", "--name", "init");
        CliRun.Result migrated = cli.onTerminal("migrate", "--url", db);
        assertEquals(0, migrated.code(), migrated.err());
        assertTrue(migrated.err().contains("migrate") && migrated.err().contains("1/1 changesets"), migrated.err());
        CliRun.Result seeded = cli.onTerminal("seed", "--count", "20000", "--url", db);
        assertEquals(0, seeded.code(), seeded.err());
        assertTrue(seeded.err().matches("(?s).*seed .*\\d+/\\d+ rows.*rows/s.*"), "rows, total and rate: " + seeded.err());
        CliRun.Result piped = cli.ok("seed", "--count", "20000", "--truncate", "--url", db);
        assertFalse(piped.err().contains("rows/s"), "no bar in a pipe: " + piped.err());
    }
}
