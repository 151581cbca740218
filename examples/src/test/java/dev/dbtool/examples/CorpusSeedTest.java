package dev.dbtool.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.support.Corpus;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.model.Schema;
import dev.dbtool.database.seed.CopyLoader;
import dev.dbtool.generators.seed.SeedOptions;
import dev.dbtool.generators.seed.SeedPlan;
import dev.dbtool.generators.seed.SeedPlanner;
import dev.dbtool.generators.seed.SeedTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code dbtool seed} at its default count (10 rows a model), and at 60, on every real schema of {@code shared/corpus}, loaded with
 * COPY into the database Prisma's own DDL builds: every constraint holds, and every table holds the rows the plan
 * promised. The rows a table cannot have are said in notes, and only a single column's enum caps them: a unique made
 * of foreign keys and enums seeds their combinations (civitai's metrics and reactions, langfuse's notification
 * preferences), a unique with a free non-enum column makes that one distinct (ghostfolio's market data).
 */
class CorpusSeedTest {
    @TestFactory
    Stream<DynamicTest> everyCorpusSchemaSeedsIntoPrismasDatabase() throws Exception {
        Assumptions.assumeTrue(Corpus.root() != null, Corpus.whyMissing());
        // the default count, and one past most enums' and parents' sizes
        return Corpus.schemas().stream().flatMap(d -> Stream.of(DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d, null)),
                DynamicTest.dynamicTest(d.getFileName().toString() + " × 60", () -> check(d, 60))));
    }

    private static void check(Path corpusDir, Integer count) throws Exception {
        String name = corpusDir.getFileName().toString();
        Schema schema = SchemaLoader.load(corpusDir.resolve("schema.prisma")).schema();
        SeedPlan plan;
        try {
            plan = SeedPlanner.plan(schema, new SeedOptions(1, count));
        } catch (IllegalArgumentException refused) {
            // a column type dbtool cannot generate without a default (nextcrm's vector): refused with that message
            assertTrue(refused.getMessage().contains("cannot generate"), name + ": " + refused.getMessage());
            System.out.println("CorpusSeedTest " + name + ": refused: " + refused.getMessage());
            return;
        }
        for (String note : plan.notes()) {
            if (note.contains("rows, not")) {
                assertTrue(note.contains("is unique and its enum has") || note.contains("the relation is 1:1") || note.contains("exist)"), name + ": " + note);
            }
        }
        String url = PrismaDatabases.create("corpus_seed", corpusDir, schema, "CorpusSeedTest", "planned, not loaded");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            CopyLoader.load(c, List.of(), plan, n -> { });
            for (SeedTable t : plan.tables()) {
                // an implicit many-to-many table (`_AToB`) gets links drawn at random, a repeated pair once: about as many as planned
                if (t.displayName().startsWith("_")) continue;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.qualifiedName())) {
                    rs.next();
                    assertEquals(t.expectedRows(), rs.getLong(1), name + ": " + t.displayName());
                }
            }
        }
    }
}
