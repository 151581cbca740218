package dev.dbtool.core.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A block comment on a line of its own, in the shape {@code prisma format} gives it: an opening {@code /**} line,
 * one {@code " * text"} line per non-empty text line (each trimmed, one leading star dropped), and a closing
 * {@code " *}{@code /"} line. A block comment at the end of a field's line is not rewritten.
 */
final class BlockComments {
    private BlockComments() {}

    static List<String> lines(String raw) {
        String body = raw.substring(2, raw.length() - 2);
        if (body.startsWith("*")) body = body.substring(1);
        List<String> out = new ArrayList<>();
        out.add("/**");
        for (String line : body.split("\n", -1)) {
            String text = line.strip();
            if (text.startsWith("*")) text = text.substring(1).strip();
            if (!text.isEmpty()) out.add(" * " + text);
        }
        out.add(" */");
        return out;
    }
}
