package dev.dbtool.cli.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import dev.dbtool.generators.commit.CommitMessageChecker;
import dev.dbtool.generators.commit.Violation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** `dbtool commit` on real temporary git repositories, and `--check` on a table of messages. */
class CommitTest {
    @TempDir Path dir;
    Git git;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(dir, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(Main.run(env, args), out.toString(), err.toString());
    }

    static final String SCHEMA = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
            + "model User {\n  id       Int    @id @default(autoincrement())\n  name     String\n  legacyId Int?\n}\n";

    @BeforeEach
    void repository() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        git.getRepository().getConfig().setString("user", null, "name", "Test");
        git.getRepository().getConfig().setString("user", null, "email", "test@example.com");
        write("schema.prisma", SCHEMA);
        write("README.md", "# app\n");
        git.add().addFilepattern(".").call();
        git.commit().setMessage("chore: start").call();
    }

    void write(String path, String text) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    void stage(String... paths) throws Exception {
        for (String p : paths) git.add().addFilepattern(p).call();
    }

    String message() {
        Result r = run("commit");
        assertEquals(0, r.code(), r.err());
        List<Violation> v = CommitMessageChecker.check(r.out());
        assertTrue(v.isEmpty(), "dbtool's own message passes --check: " + v + "\n" + r.out());
        assertTrue(r.out().lines().findFirst().orElseThrow().length() <= 72, r.out());
        return r.out();
    }

    @Test
    void schemaEditsBecomeSubjectAndBody() throws Exception {
        write("schema.prisma", SCHEMA.replace("  name     String\n", "  name     String?\n")
                + "\nmodel Post {\n  id    Int    @id @default(autoincrement())\n  title String\n}\n");
        stage("schema.prisma");
        assertEquals("feat(schema): make User.name optional and 1 more change\n\n- make User.name optional\n- add model Post\n", message());
    }

    @Test
    void destructiveChangesAreBreaking() throws Exception {
        write("schema.prisma", SCHEMA.replace("  legacyId Int?\n", ""));
        stage("schema.prisma");
        assertEquals("feat(schema)!: drop field User.legacyId\n\n- drop field User.legacyId\n\nBREAKING CHANGE: drop field User.legacyId\n", message());
    }

    @Test
    void generatedMigrationsAlone() throws Exception {
        write("migrations/changes/20261125000000-init.yaml", "databaseChangeLog: []\n");
        write("migrations/changelog.yaml", "databaseChangeLog:\n");
        write("migrations/dbtool-snapshot.json", "{}\n");
        stage("migrations");
        assertEquals("feat(migrations): add 1 changeset\n", message());
    }

    @Test
    void docsOnly() throws Exception {
        write("README.md", "# app\n\nMore.\n");
        stage("README.md");
        assertEquals("docs(readme): update documentation\n", message());
    }

    @Test
    void mixedChangesNameEachArea() throws Exception {
        write("schema.prisma", SCHEMA + "\nenum Role {\n  USER\n}\n");
        write("migrations/changes/20261125000000-role.yaml", "databaseChangeLog: []\n");
        write("docs/roles.md", "# Roles\n");
        write(".ci/run", "#!/bin/sh\n");
        stage("schema.prisma", "migrations", "docs", ".ci");
        assertEquals("feat(schema): add enum Role\n\n- add enum Role\n\n- also add 1 changeset\n- also add documentation\n- also add CI\n", message());
    }

    @Test
    void aReformattedSchemaIsAStyleChange() throws Exception {
        write("schema.prisma", SCHEMA.replace("  name     String\n", "  name String\n"));
        stage("schema.prisma");
        assertEquals("style(schema): reformat the schema\n", message());
    }

    @Test
    void emptyStageAndNoRepositoryAreClearErrors() throws Exception {
        Result empty = run("commit");
        assertEquals(1, empty.code());
        assertEquals("error: nothing is staged: stage changes with `git add` first\n", empty.err());
        Files.walk(dir.resolve(".git")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Result none = run("commit");
        assertEquals(3, none.code());
        assertTrue(none.err().startsWith("error: not a git repository"), none.err());
    }

    @Test
    void writeCommitAndHook() throws Exception {
        write("README.md", "# app\n\nMore.\n");
        stage("README.md");
        Result w = run("commit", "--write");
        assertEquals(0, w.code(), w.err());
        assertEquals("docs(readme): update documentation\n", Files.readString(dir.resolve(".git/COMMIT_EDITMSG")));
        Result c = run("commit", "--commit");
        assertEquals(0, c.code(), c.err());
        RevCommit head = git.log().setMaxCount(1).call().iterator().next();
        assertEquals("docs(readme): update documentation\n", head.getFullMessage());

        Result hook = run("commit", "--install-hook");
        assertEquals(0, hook.code(), hook.err());
        Path file = dir.resolve(".git/hooks/commit-msg");
        assertTrue(Files.readString(file).contains("dbtool commit --check \"$1\""));
        assertTrue(Files.isExecutable(file));
        assertEquals(1, run("commit", "--install-hook").code(), "an existing hook is never replaced silently");
        assertEquals(0, run("commit", "--install-hook", "--force").code());
    }

    @Test
    void checkReadsAFile() throws Exception {
        write("msg.txt", "Fixed stuff.\n");
        Result r = run("commit", "--check", "msg.txt");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("[type-empty]"), r.err());
        write("msg.txt", "fix(seed): keep unique emails within VARCHAR limits\n\n# a git comment\n");
        assertEquals(0, run("commit", "--check", "msg.txt").code());
    }

    @Test
    void checkReadsStandardInput() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("feat: add model Post\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(0, run("commit", "--check", "-").code());
            System.setIn(new java.io.ByteArrayInputStream("Added stuff".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(1, run("commit", "--check", "-").code());
        } finally {
            System.setIn(stdin);
        }
    }

    /** message → the error rules it breaks (warnings in brackets), as commitlint's config-conventional would say. */
    static final Object[][] MESSAGES = {
        {"feat: add model Post", List.of()},
        {"fix(seed): keep emails unique", List.of()},
        {"feat(schema)!: drop field User.legacyId\n\nBREAKING CHANGE: the column goes", List.of()},
        {"refactor: move the differ\n\nIt lives in core now.", List.of()},
        {"docs(readme): explain the launcher", List.of()},
        {"chore(deps): bump liquibase to 4.33.0", List.of()},
        {"ci: run the tests twice", List.of()},
        {"build: pin the compiler plugin", List.of()},
        {"perf(validate): cache native types", List.of()},
        {"style: reformat", List.of()},
        {"test(seed): cover cycles", List.of()},
        {"revert: feat: add model Post\n\nThis reverts commit abc123.", List.of()},
        {"feat(api)!: send the new shape", List.of()},
        {"fix: handle nulls\n\nRefs #123\nReviewed-by: Ada", List.of()},
        {"feat: add thing\n\nBody line.\n\nBREAKING-CHANGE: gone", List.of()},
        {"fix: correct the URL in http://example.com/" + "x".repeat(10), List.of()},
        {"Feat: add model Post", List.of("type-case", "type-enum")},
        {"feature: add model Post", List.of("type-enum")},
        {"feat add model Post", List.of("type-empty", "subject-empty")},
        {"feat: ", List.of("header-trim", "subject-empty")},
        {": add model", List.of("type-empty")},
        {"feat(Schema): add model Post", List.of("scope-case")},
        {"feat(): add model Post", List.of("scope-empty")},
        {"feat: Add model Post", List.of("subject-case")},
        {"feat: ADD MODEL POST", List.of("subject-case")},
        {"feat: Add Model Post", List.of("subject-case")},
        {"feat: add model Post.", List.of("subject-full-stop")},
        {"feat: " + "x".repeat(100), List.of("header-max-length")},
        {" feat: add model", List.of("header-trim")},
        {"fix: a\nbody without blank line", List.of()},
        {"fix: a\n\n" + "y".repeat(120), List.of("body-max-line-length")},
        {"fix: a\n\nbody\n\nbreaking change: lower case", List.of("footer-breaking-change")},
        {"", List.of("subject-empty")},
        {"# only a comment\n", List.of("subject-empty")},
    };

    @TestFactory
    Stream<DynamicTest> checkTable() {
        assertTrue(MESSAGES.length >= 30);
        return Stream.of(MESSAGES).map(row -> DynamicTest.dynamicTest(((String) row[0]).lines().findFirst().orElse("(empty)"), () -> {
            List<String> errors = CommitMessageChecker.check((String) row[0]).stream().filter(Violation::error).map(Violation::rule).toList();
            assertEquals(row[1], errors);
        }));
    }

    @Test
    void warningsDoNotFail() {
        List<Violation> v = CommitMessageChecker.check("fix: a\nbody without blank line");
        assertEquals(List.of("body-leading-blank"), v.stream().map(Violation::rule).toList());
        assertTrue(v.stream().noneMatch(Violation::error));
    }
}
