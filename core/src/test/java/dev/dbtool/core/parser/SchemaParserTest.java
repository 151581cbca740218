package dev.dbtool.core.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.core.ast.Attribute;
import dev.dbtool.core.ast.BlockKind;
import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.SchemaFile;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.diagnostics.Diagnostics;
import dev.dbtool.core.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The syntax tree: every node with its position, comments and blank lines kept. */
class SchemaParserTest {
    static SchemaFile parse(String text, Diagnostics d) { return SchemaParser.parse(new SourceFile("t.prisma", text), d); }

    static SchemaFile parseClean(String text) {
        Diagnostics d = new Diagnostics();
        SchemaFile f = parse(text, d);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        return f;
    }

    @Test
    void fieldsKeepPositionsTypesAndAttributes() {
        SchemaFile f = parseClean("model User {\n  id    Int     @id @default(autoincrement())\n  email String? @db.VarChar(255) // login\n}\n");
        Top.Block user = (Top.Block) f.items().get(0);
        assertEquals(BlockKind.MODEL, user.kind());
        assertEquals(1, user.name().span().line());
        assertEquals(7, user.name().span().column());
        Member.Field email = (Member.Field) user.members().get(1);
        assertEquals("email", email.name().name());
        assertEquals(3, email.name().span().line());
        assertEquals(3, email.name().span().column());
        assertTrue(email.type().optional());
        assertEquals(9, email.type().span().column());
        Attribute db = email.attributes().get(0);
        assertEquals("db.VarChar", db.name());
        assertEquals(17, db.span().column());
        assertEquals("255", ((Expression.NumberLit) db.arguments().get(0).value()).text());
        assertEquals("// login", email.trailingComment());
    }

    @Test
    void expressionsOfEveryShape() {
        SchemaFile f = parseClean("model A {\n  id Int @id\n  @@index([a, b(sort: Desc), c(ops: raw(\"x\"))], map: \"i\", type: Gin)\n}\n");
        Member.BlockAttribute ix = (Member.BlockAttribute) ((Top.Block) f.items().get(0)).members().get(1);
        Attribute a = ix.attribute();
        assertTrue(a.block());
        assertEquals("index", a.name());
        Expression.ArrayLit fields = (Expression.ArrayLit) a.arguments().get(0).value();
        assertInstanceOf(Expression.Constant.class, fields.elements().get(0));
        Expression.FunctionCall b = (Expression.FunctionCall) fields.elements().get(1);
        assertEquals("sort", b.arguments().get(0).name().name());
        Expression.FunctionCall c = (Expression.FunctionCall) fields.elements().get(2);
        assertEquals("raw", ((Expression.FunctionCall) c.arguments().get(0).value()).name());
        assertEquals("i", ((Expression.StringLit) a.arguments().get(1).value()).value());
        assertEquals("Gin", ((Expression.Constant) a.arguments().get(2).value()).name());
    }

    @Test
    void commentsDocsAndBlankLinesAreKept() {
        SchemaFile f = parseClean("// top\n\nmodel A {\n  /// field doc\n  id Int @id\n\n  // note\n}\n");
        assertEquals(2, f.items().size());
        Top.Comment top = (Top.Comment) f.items().get(0);
        assertEquals("// top", top.text());
        assertTrue(top.isDoc() == false);
        Top.Block a = (Top.Block) f.items().get(1);
        assertTrue(a.blankBefore(), "the blank line after `// top` is kept");
        assertInstanceOf(Member.Comment.class, a.members().get(0));
        assertTrue(((Member.Comment) a.members().get(0)).isDoc());
        assertInstanceOf(Member.BlankLine.class, a.members().get(2));
        assertEquals("// note", ((Member.Comment) a.members().get(3)).text());
    }

    @Test
    void unsupportedStringsEscapesAndCrlf() {
        SchemaFile f = parseClean("model A {\r\n  id Int @id\r\n  p Unsupported(\"circle\")?\r\n  s String @default(\"a\\\"b\\u0041\")\r\n}\r\n");
        Top.Block a = (Top.Block) f.items().get(0);
        Member.Field p = (Member.Field) a.members().get(1);
        assertEquals("\"circle\"", p.type().unsupported());
        assertEquals("Unsupported(\"circle\")?", p.type().display());
        Member.Field s = (Member.Field) a.members().get(2);
        Expression.StringLit lit = (Expression.StringLit) s.attributes().get(0).arguments().get(0).value();
        assertEquals("a\"bA", lit.value());
        assertEquals("\"a\\\"b\\u0041\"", lit.raw());
    }

    @Test
    void configBlocksAndJobs() {
        SchemaFile f = parseClean("datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "job Mail {\n  to String\n\n  @@queue(\"mail\")\n}\n");
        Top.Block ds = (Top.Block) f.items().get(0);
        Member.KeyValue url = (Member.KeyValue) ds.members().get(1);
        assertEquals("env", ((Expression.FunctionCall) url.value()).name());
        Top.Block job = (Top.Block) f.items().get(1);
        assertEquals(BlockKind.JOB, job.kind());
        assertTrue(job.blankBefore());
    }

    @Test
    void recoversAndReportsEachBadLineOnce() {
        Diagnostics d = new Diagnostics();
        SchemaFile f = parse("model A {\n  id Int @id\n  ) oops (\n  name String @default(\n  ok Int\n}\nmodel B {\n  id Int @id\n}\n", d);
        assertEquals(2, d.sorted().size(), d.sorted().toString());
        assertEquals(3, d.sorted().get(0).span().line());
        assertEquals(4, d.sorted().get(1).span().line());
        assertEquals(2, f.items().size(), "the second model is still read");
        Top.Block a = (Top.Block) f.items().get(0);
        assertTrue(a.members().stream().anyMatch(m -> m instanceof Member.Field fl && fl.name().name().equals("ok")));
    }

    @Test
    void tenThousandLevelsOfNestingGiveOneErrorNotAStackOverflow() {
        String calls = "f(".repeat(10_000) + ")".repeat(10_000);
        String lists = "[".repeat(10_000) + "]".repeat(10_000);
        for (String value : new String[] {calls, lists, "a.b(".repeat(10_000) + ")".repeat(10_000)}) {
            String text = "model A {\n  id Int @id @default(" + value + ")\n}\n";
            var loaded = dev.dbtool.core.load.SchemaLoader.load("deep.prisma", text);
            assertTrue(loaded.diagnostics().stream().anyMatch(x -> x.message().contains("nested more than 64 levels deep")), loaded.diagnostics()::toString);
            assertFalse(dev.dbtool.core.format.FileFormatter.format(new SourceFile("deep.prisma", text)).formattable(), "not formatted: a syntax error");
        }
        String blocks = "model A {\n".repeat(10_000);
        Diagnostics d = new Diagnostics();
        parse(blocks, d);
        assertTrue(d.hasErrors());
    }

    @Test
    void blockCommentsStandWhereLineCommentsMay() {
        SchemaFile f = parseClean("/* top */ // and more\nmodel A { /* head */\n  id Int @id /* tail */\n  /* a\n  b */ /* c */\n} /* after */\n");
        assertEquals(3, f.items().stream().filter(Top.Comment.class::isInstance).count(), "two before the model, one after it");
        Top.Block a = (Top.Block) f.items().get(2);
        assertEquals("/* head */", ((Member.Comment) a.members().get(0)).text(), "a comment after `{` is kept as the block's first line");
        assertEquals("/* tail */", ((Member.Field) a.members().get(1)).trailingComment());
        assertEquals("/* a\n  b */", ((Member.Comment) a.members().get(2)).text());
        assertEquals("/* after */", ((Top.Comment) f.items().get(3)).text());
    }
}
