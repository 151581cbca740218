package dev.dbtool.cli.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.source.SourceFile;
import dev.dbtool.generators.lint.ChangelogReader;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintRule;
import dev.dbtool.generators.lint.Linter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lint rule has a case that fires and one that does not ({@code lint/schema/RULE.fires.prisma} /
 * {@code .passes.prisma}, {@code lint/migration/RULE.fires.postgresql.sql} / {@code .passes…}), a docs page with a bad
 * and a good example, and suppressions work.
 */
class LintRulesTest {
    static final Path DIR = Path.of("src/test/resources/lint");

    static List<String> schemaRules(Path file) throws Exception {
        LoadedSchema l = SchemaLoader.load(file);
        assertFalse(l.hasErrors(), () -> l.diagnostics().toString());
        List<SourceFile> sources = List.of(SchemaLoader.read(file));
        return Linter.schema(l.schema(), sources, Map.of()).stream().map(Finding::rule).toList();
    }

    static List<String> migrationRules(Path file) throws Exception {
        return Linter.migrations(ChangelogReader.read(file), Map.of()).stream().map(Finding::rule).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFiresAndPasses() {
        return Linter.rules().stream().flatMap(rule -> Stream.of(
                DynamicTest.dynamicTest(rule.id() + " fires", () -> assertTrue(run(rule, "fires").contains(rule.id()), rule.id() + ": " + run(rule, "fires"))),
                DynamicTest.dynamicTest(rule.id() + " passes", () -> assertFalse(run(rule, "passes").contains(rule.id()), rule.id() + ": " + run(rule, "passes"))),
                DynamicTest.dynamicTest(rule.id() + " docs", () -> {
                    String page = Files.readString(Path.of("../docs/lint/" + rule.id() + ".md"));
                    assertTrue(page.contains("## Bad") && page.contains("## Good"), rule.id() + " docs page has a bad and a good example");
                })));
    }

    private static List<String> run(LintRule rule, String kind) throws Exception {
        boolean schema = Linter.SCHEMA_RULES.contains(rule);
        return schema ? schemaRules(DIR.resolve("schema/" + rule.id() + "." + kind + ".prisma"))
                : migrationRules(DIR.resolve("migration/" + rule.id() + "." + kind + ".postgresql.sql"));
    }

    @Test
    void enoughRules() {
        assertTrue(Linter.SCHEMA_RULES.size() >= 12);
        assertTrue(Linter.MIGRATION_RULES.size() >= 10);
    }

    @Test
    void suppressionsWithAReason() throws Exception {
        assertFalse(schemaRules(DIR.resolve("schema/suppressed.prisma")).contains("sensitive-field-unprotected"));
        assertFalse(migrationRules(DIR.resolve("migration/suppressed.postgresql.sql")).contains("non-concurrent-index"));
        Path noReason = Files.createTempFile("noreason", ".prisma");
        Files.writeString(noReason, Files.readString(DIR.resolve("schema/suppressed.prisma")).replaceAll(": hashed by .*", ""));
        assertTrue(schemaRules(noReason).contains("sensitive-field-unprotected"), "a suppression needs a reason");
    }

    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(dir, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(Main.run(env, args), out.toString(), err.toString());
    }

    @Test
    void commandExitCodesConfigAndFormats() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), Files.readString(DIR.resolve("schema/sensitive-field-unprotected.fires.prisma")));
        Result text = run("lint");
        assertEquals(1, text.code(), "an error-level finding fails");
        assertTrue(text.out().startsWith("schema.prisma:8:3: error: [sensitive-field-unprotected]"), text.out());
        assertTrue(text.out().contains("    why: ") && text.out().contains("    fix: "), text.out());

        Files.writeString(dir.resolve(".dbtool-lint"), "sensitive-field-unprotected = warning\nmissing-timestamps = off\n");
        Result relaxed = run("lint");
        assertEquals(0, relaxed.code(), relaxed.out());
        assertTrue(relaxed.out().contains("warning: [sensitive-field-unprotected]"));
        Files.writeString(dir.resolve(".dbtool-lint"), "no-such-rule = off\n");
        assertEquals(2, run("lint").code());
        Files.delete(dir.resolve(".dbtool-lint"));

        JsonNode json = new ObjectMapper().readTree(run("lint", "--format", "json").out());
        assertEquals(1, json.get("errors").asInt());
        assertEquals("sensitive-field-unprotected", json.get("findings").get(0).get("rule").asText());

        JsonNode sarif = new ObjectMapper().readTree(run("lint", "--format", "sarif").out());
        assertEquals("2.1.0", sarif.get("version").asText());
        try (var schemaText = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(schemaText);
            var errors = schema.validate(sarif);
            assertTrue(errors.isEmpty(), "valid against the SARIF 2.1.0 schema: " + errors);
            var broken = sarif.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("version", "9.9");
            assertFalse(schema.validate(broken).isEmpty(), "the validator does reject a wrong document");
        }
        JsonNode runNode = sarif.get("runs").get(0);
        assertEquals("dbtool", runNode.get("tool").get("driver").get("name").asText());
        assertEquals(Linter.rules().size(), runNode.get("tool").get("driver").get("rules").size());
        JsonNode result = runNode.get("results").get(0);
        assertEquals("sensitive-field-unprotected", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        assertEquals(8, region.get("startLine").asInt());
        assertEquals("schema.prisma", result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
        int index = result.get("ruleIndex").asInt();
        assertEquals("sensitive-field-unprotected", runNode.get("tool").get("driver").get("rules").get(index).get("id").asText());
    }
}
