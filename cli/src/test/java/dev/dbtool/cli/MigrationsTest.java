package dev.dbtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.LiquibaseSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations folder's shared pieces: free changeset ids, the author, the master changelog's includes. */
class MigrationsTest {
    @TempDir Path dir;

    static final Instant NOW = Instant.parse("2026-11-25T14:15:00Z");

    @Test
    void runsWithinOneSecondGetNumberedIdsInsteadOfOverwriting() throws Exception {
        Migrations m = new Migrations(dir, new LiquibaseSettings("migrations", ChangelogFormat.YAML, "tester"));
        assertEquals("20261125141500-optimize-indexes", m.freeChangeSetId(NOW, "optimize-indexes", ChangelogFormat.YAML));
        Files.createDirectories(dir.resolve("changes"));
        Files.writeString(dir.resolve("changes/20261125141500-optimize-indexes.yaml"), "");
        assertEquals("20261125141500-optimize-indexes-2", m.freeChangeSetId(NOW, "optimize-indexes", ChangelogFormat.YAML));
        Files.writeString(dir.resolve("changes/20261125141500-optimize-indexes-2.yaml"), "");
        assertEquals("20261125141500-optimize-indexes-3", m.freeChangeSetId(NOW, "optimize-indexes", ChangelogFormat.YAML));
        assertEquals("20261125141500-optimize-indexes", m.freeChangeSetId(NOW, "optimize-indexes", ChangelogFormat.XML), "another format, another file");
    }

    @Test
    void includeCreatesTheMasterOnceAndAppendsInOrder() throws Exception {
        Migrations m = new Migrations(dir, new LiquibaseSettings("migrations", ChangelogFormat.YAML, null));
        m.include("changes/a.yaml");
        m.include("changes/b.yaml");
        String master = Files.readString(m.master());
        assertTrue(master.indexOf("changes/a.yaml") > 0 && master.indexOf("changes/b.yaml") > master.indexOf("changes/a.yaml"), master);
    }

    @Test
    void theAuthorIsTheGeneratorsElseTheUsers() {
        Environment env = new Environment(dir, new HashMap<>(Map.of("USER", "someone")), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
        assertEquals("tester", new Migrations(dir, new LiquibaseSettings("migrations", ChangelogFormat.YAML, "tester")).author(env));
        String fallback = new Migrations(dir, new LiquibaseSettings("migrations", ChangelogFormat.YAML, null)).author(env);
        assertTrue(!fallback.isBlank() && !fallback.equals("tester"), fallback);
    }
}
