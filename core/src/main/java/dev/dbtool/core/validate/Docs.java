package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.SchemaFile;
import dev.dbtool.core.ast.Top;
import java.util.ArrayList;
import java.util.List;

/** Documentation comments: the {@code ///} lines directly above a block or field, without the slashes. */
final class Docs {
    private Docs() {}

    static String forBlock(SchemaFile file, Top.Block block) {
        List<Top> items = file.items();
        int i = 0;
        while (i < items.size() && items.get(i) != block) i++; // identity: records compare deeply, and this runs per block
        List<String> lines = new ArrayList<>();
        Top next = block;
        for (int k = i - 1; k >= 0 && !next.blankBefore() && items.get(k) instanceof Top.Comment c && c.isDoc(); k--) {
            lines.add(0, strip(c.text()));
            next = c;
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    static String forMember(List<Member> members, int index) {
        List<String> lines = new ArrayList<>();
        for (int k = index - 1; k >= 0 && members.get(k) instanceof Member.Comment c && c.isDoc(); k--) lines.add(0, strip(c.text()));
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String strip(String comment) {
        String s = comment.substring(3);
        return s.startsWith(" ") ? s.substring(1) : s;
    }
}
