package dev.dbtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: real files in a temporary directory, exit codes, stdout and stderr. */
class CliTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) { return run(Map.of(), false, args); }

    Result run(Map<String, String> vars, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(dir, new HashMap<>(vars), new PrintWriter(out, true), new PrintWriter(err, true), terminal);
        int code = Main.run(env, args);
        return new Result(code, out.toString(), err.toString());
    }

    static final String VALID = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
            }
            """;

    @Test
    void validateAcceptsAValidSchemaFoundInTheWorkingDirectory() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), VALID);
        Result r = run("validate");
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("✔ schema.prisma is valid: 1 models"), r.err);
    }

    @Test
    void validateReportsEveryErrorWithPositionAndCaret() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), VALID.replace("email String @unique", "email Strin @unique\n  name Int @foo"));
        Result r = run("validate");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("schema.prisma:8:9: error: Type `Strin` is neither a built-in type nor a model, view or enum of this schema. "
                + "Did you mean `String`?\n  |\n8 |   email Strin @unique\n  |         ^^^^^\n"), r.err);
        assertTrue(r.err.contains("schema.prisma:9:12: error: Attribute not known: `@foo`."), r.err);
        assertTrue(r.err.contains("✘ schema.prisma: 2 errors, 0 warnings"), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test
    void validateJsonIsMachineReadable() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), VALID.replace("email String @unique", "email Strin @unique"));
        Result r = run("validate", "--format", "json");
        assertEquals(1, r.code);
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(r.out)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value.isScalarValue()) fields.putIfAbsent(name, p.getText());
                }
            }
        }
        assertEquals("false", fields.get("valid"));
        assertEquals("1", fields.get("errors"));
        assertEquals("schema.prisma", fields.get("file"));
        assertEquals("8", fields.get("line"));
        assertEquals("9", fields.get("column"));
        assertEquals("14", fields.get("endColumn"));
        assertEquals("error", fields.get("severity"));
    }

    @Test
    void missingSchemaIsAUsageError() {
        Result r = run("validate");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: no schema found: looked for schema.prisma"), r.err);
        assertEquals(2, run("validate", "--schema", "nope.prisma").code);
    }

    @Test
    void badOptionsAreUsageErrors() {
        Result r = run("validate", "--frobnicate");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("Unknown option: '--frobnicate'"), r.err);
        assertEquals(2, run("no-such-command").code);
        assertEquals(2, run().code);
    }

    @Test
    void schemaCanBeAFolderOfFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("prisma/schema"));
        Files.writeString(folder.resolve("main.prisma"), VALID.replace("email String @unique", "email String @unique\n  posts Post[]"));
        Files.writeString(folder.resolve("post.prisma"), "model Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n");
        assertEquals(0, run("validate").code);
        Files.writeString(folder.resolve("post.prisma"), "model Post {\n  id       Int  @id\n  author   User @relation(fields: [authorId], references: [id])\n  authorId Intt\n}\n");
        Result r = run("validate");
        assertEquals(1, r.code);
        assertTrue(r.err.contains(Path.of("prisma/schema/post.prisma") + ":4:12: error: Type `Intt`"), r.err);
    }

    @Test
    void formatRewritesInPlaceAndCheckChangesNothing() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        String messy = "datasource db {\nprovider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\nmodel User {\n  id Int @id\n  @@map(\"users\")\n  emailAddress String\n}\n";
        Files.writeString(schema, messy);
        Result check = run("format", "--check");
        assertEquals(1, check.code);
        assertEquals("schema.prisma\n", check.out);
        assertEquals(messy, Files.readString(schema), "--check changes nothing");

        Result r = run("format");
        assertEquals(0, r.code, r.err);
        assertEquals("datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n"
                + "  id           Int    @id\n  emailAddress String\n\n  @@map(\"users\")\n}\n", Files.readString(schema));
        assertEquals(0, run("format", "--check").code);
        assertTrue(run("format").err.contains("already formatted"));
    }

    @Test
    void formatLeavesFilesWithSyntaxErrorsAlone() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        String broken = "model User {\n  id Int @id @default(\n}\n";
        Files.writeString(schema, broken);
        Result r = run("format");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("schema.prisma:2:"), r.err);
        assertEquals(broken, Files.readString(schema));
    }

    @Test
    void initWritesAValidFormattedSchemaAndNeverOverwrites() throws Exception {
        Result r = run("init");
        assertEquals(0, r.code, r.err);
        Path schema = dir.resolve("schema.prisma");
        String written = Files.readString(schema);
        assertEquals(0, run("validate").code);
        assertEquals(0, run("format", "--check").code, "the starter schema is already formatted");

        Files.writeString(schema, "// mine\n" + written);
        Result again = run("init");
        assertEquals(1, again.code);
        assertTrue(again.err.contains("already exists"), again.err);
        assertTrue(Files.readString(schema).startsWith("// mine\n"), "nothing overwritten");

        Files.createDirectories(dir.resolve("db"));
        assertEquals(0, run("init", "--schema", "db/schema.prisma").code);
        assertEquals(1, run("init", "--schema", "db/schema.prisma").code);
    }

    @Test
    void completionScriptsComeFromPicocli() {
        Result bash = run("completion", "bash");
        assertEquals(0, bash.code);
        assertTrue(bash.out.contains("complete -F"), bash.out);
        for (String sub : new String[] {"validate", "format", "init", "completion"}) assertTrue(bash.out.contains(sub), sub);
        assertFalse(bash.out.contains("__cds-training"), "hidden commands stay hidden");
        Result zsh = run("completion", "zsh");
        assertTrue(zsh.out.startsWith("#compdef dbtool\nautoload -U +X bashcompinit && bashcompinit\n"), zsh.out);
        assertEquals(2, run("completion", "fish").code);
    }

    @Test
    void versionAndHelpWithExamples() {
        Result v = run("--version");
        assertEquals(0, v.code);
        assertTrue(v.out.startsWith("dbtool "), v.out);
        for (String cmd : new String[] {"validate", "format", "init", "completion", "schema", "migrate", "diff", "pull", "seed", "lint", "commit"}) {
            Result h = run(cmd, "--help");
            assertEquals(0, h.code);
            assertTrue(h.out.contains("Examples:"), cmd + " --help has examples");
            assertTrue(h.out.contains("dbtool " + cmd), cmd + " --help shows the command in use");
        }
        assertTrue(run("--help").out.contains("Exit codes:"));
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), VALID.replace("String @unique", "Strin @unique"));
        assertTrue(run(Map.of(), true, "validate").err.contains("\u001b["));
        assertFalse(run(Map.of("NO_COLOR", "1"), true, "validate").err.contains("\u001b["));
        assertFalse(run(Map.of(), false, "validate").err.contains("\u001b["));
    }

    @Test
    void invalidUtf8IsAClearError() throws Exception {
        Files.write(dir.resolve("schema.prisma"), new byte[] {'m', 'o', 'd', (byte) 0xC3, (byte) 0x28});
        Result r = run("validate");
        assertEquals(1, r.code);
        assertEquals("schema.prisma:1:1: error: the file is not valid UTF-8\n", r.err);
    }

    @Test
    void databaseCommandsReportUnreachableAndInvalidUrls() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), VALID);
        assertEquals(0, run("schema").code);
        Result unreachable = run("migrate", "--url", "postgresql://u@127.0.0.1:1/db");
        assertEquals(3, unreachable.code, unreachable.err);
        assertTrue(unreachable.err.startsWith("error: cannot connect to the database"), unreachable.err);
        Result invalid = run("migrate", "--url", "mysql://localhost/db");
        assertEquals(2, invalid.code, invalid.err);
        assertTrue(invalid.err.contains("invalid database URL from --url"), invalid.err);
        Result secret = run("pull", "--url", "postgresql://u:topsecret@127.0.0.1:1/db");
        assertEquals(3, secret.code);
        assertFalse(secret.err.contains("topsecret"), "passwords never appear in errors: " + secret.err);
    }

    @Test
    void migrateWithoutAChangelogSaysWhatToDo() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), VALID);
        Result r = run("migrate", "--url", "postgresql://u@127.0.0.1:1/db");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("no changelog at migrations/changelog.yaml; write one with `dbtool schema`"), r.err);
    }

    @Test
    void aSchemaNestedTenThousandLevelsDeepGetsOneErrorNotAStackTrace() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), VALID.replace("@default(autoincrement())",
                "@default(" + "f(".repeat(10_000) + ")".repeat(10_000) + ")"));
        for (String command : new String[] {"validate", "format"}) {
            Result r = run(command);
            assertEquals(1, r.code, command + ": " + r.err);
            assertTrue(r.err.contains("schema.prisma:7:") && r.err.contains("nested more than 64 levels deep"), r.err);
            assertFalse(r.err.contains("Exception") || r.err.contains("Error:") || r.err.contains("\tat "), r.err);
        }
    }
}
