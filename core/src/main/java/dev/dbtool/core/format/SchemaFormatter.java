package dev.dbtool.core.format;

import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.SchemaFile;
import dev.dbtool.core.ast.Top;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical text of a file, matching {@code prisma format} for plain Prisma schemas: one blank line after
 * every block, aligned columns, block attributes last (in a fixed order, each with the comments right above
 * it), blank lines collapsed, comments kept. A pure function of the syntax tree, hence idempotent.
 */
public final class SchemaFormatter {
    private static final String INDENT = "  ";
    private static final List<String> BLOCK_ATTRIBUTE_ORDER = List.of("id", "unique", "index", "fulltext", "map", "ignore", "schema");

    private SchemaFormatter() {}

    public static String format(SchemaFile file) {
        StringBuilder out = new StringBuilder();
        boolean previousWasBlock = false;
        boolean first = true;
        for (Top item : file.items()) {
            if (!first && (previousWasBlock || item.blankBefore())) out.append('\n');
            first = false;
            if (item instanceof Top.Comment c) {
                for (String line : commentLines(c.text(), c.isBlock())) out.append(line).append('\n');
                previousWasBlock = false;
            } else if (item instanceof Top.Block b) {
                block(b, out);
                previousWasBlock = true;
            }
        }
        return out.toString();
    }

    private static void block(Top.Block b, StringBuilder out) {
        out.append(b.kind().keyword()).append(' ').append(b.nameText()).append(" {\n");
        List<Member> body = new ArrayList<>();
        List<List<Member>> attributes = new ArrayList<>();
        splitAttributes(b.members(), body, attributes);
        trimBlankLines(body);
        renderBody(b, body, out);
        if (!attributes.isEmpty()) {
            if (!body.isEmpty()) out.append('\n');
            attributes.sort((x, y) -> Integer.compare(rank(x), rank(y)));
            for (List<Member> group : attributes) {
                for (Member m : group) {
                    if (m instanceof Member.Comment c) {
                        for (String line : commentLines(c.text(), c.isBlock())) out.append(INDENT).append(line).append('\n');
                    }
                    else if (m instanceof Member.BlockAttribute a) {
                        out.append(INDENT).append(ExpressionPrinter.attribute(a.attribute()));
                        if (a.trailingComment() != null) out.append(' ').append(a.trailingComment());
                        out.append('\n');
                    }
                }
            }
        }
        out.append("}\n");
    }

    /** Pulls each block attribute out with the comments directly above it; blank lines above it go away. */
    private static void splitAttributes(List<Member> members, List<Member> body, List<List<Member>> attributes) {
        int floor = 0; // body lines before this stay in the body: they were not directly above an attribute
        for (Member m : members) {
            if (!(m instanceof Member.BlockAttribute)) {
                body.add(m);
                continue;
            }
            List<Member> group = new ArrayList<>();
            while (body.size() > floor && body.get(body.size() - 1) instanceof Member.Comment c) {
                group.add(0, c);
                body.remove(body.size() - 1);
            }
            while (group.isEmpty() && body.size() > floor && body.get(body.size() - 1) instanceof Member.BlankLine) {
                body.remove(body.size() - 1);
            }
            floor = body.size();
            group.add(m);
            attributes.add(group);
        }
    }

    private static int rank(List<Member> group) {
        Member.BlockAttribute a = (Member.BlockAttribute) group.get(group.size() - 1);
        int i = BLOCK_ATTRIBUTE_ORDER.indexOf(a.attribute().name());
        return i < 0 ? BLOCK_ATTRIBUTE_ORDER.size() : i;
    }

    private static List<String> commentLines(String text, boolean block) {
        return block ? BlockComments.lines(text) : List.of(text);
    }

    private static void trimBlankLines(List<Member> body) {
        while (!body.isEmpty() && body.get(0) instanceof Member.BlankLine) body.remove(0);
        while (!body.isEmpty() && body.get(body.size() - 1) instanceof Member.BlankLine) body.remove(body.size() - 1);
        for (int i = body.size() - 1; i > 0; i--) {
            if (body.get(i) instanceof Member.BlankLine && body.get(i - 1) instanceof Member.BlankLine) body.remove(i);
        }
    }

    private static void renderBody(Top.Block b, List<Member> body, StringBuilder out) {
        TextTable table = new TextTable(INDENT);
        for (Member m : body) {
            if (m instanceof Member.BlankLine) {
                table.render(out);
                out.append('\n');
                table = new TextTable(INDENT);
            } else if (m instanceof Member.Comment c) {
                for (String line : commentLines(c.text(), c.isBlock())) table.line(line);
            } else if (m instanceof Member.Field f) {
                table.row(List.of(f.name().name(), f.type() == null ? "" : f.type().display(),
                        ExpressionPrinter.attributes(FieldAttributeOrder.sorted(f.attributes()))), f.trailingComment());
            } else if (m instanceof Member.EnumValue v) {
                table.row(List.of(v.name().name(), ExpressionPrinter.attributes(FieldAttributeOrder.sorted(v.attributes()))), v.trailingComment());
            } else if (m instanceof Member.KeyValue kv) {
                table.row(List.of(kv.key().name(), "= " + ExpressionPrinter.print(kv.value())), kv.trailingComment());
            }
        }
        table.render(out);
    }
}
