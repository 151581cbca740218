package dev.dbtool.core.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns the way {@code prisma format} aligns them: every cell but a row's last non-empty one is padded
 * to its column's width within the group; a trailing comment follows after one space; whole-line comments
 * pass through without breaking the group. A blank line ends a group.
 */
final class TextTable {
    private record Row(List<String> cells, String comment, String line) {}

    private final String indent;
    private final List<Row> rows = new ArrayList<>();

    TextTable(String indent) { this.indent = indent; }

    void row(List<String> cells, String comment) { rows.add(new Row(cells, comment, null)); }

    /** A line printed as it is (a comment line); it does not break alignment. */
    void line(String text) { rows.add(new Row(null, null, text)); }

    void render(StringBuilder out) {
        int columns = 0;
        for (Row r : rows) if (r.cells != null) columns = Math.max(columns, r.cells.size());
        int[] widths = new int[columns];
        for (Row r : rows) {
            if (r.cells == null) continue;
            for (int c = 0; c < r.cells.size(); c++) widths[c] = Math.max(widths[c], r.cells.get(c).length());
        }
        for (Row r : rows) {
            out.append(indent);
            if (r.cells == null) {
                out.append(r.line).append('\n');
                continue;
            }
            int last = r.cells.size() - 1;
            while (last > 0 && r.cells.get(last).isEmpty()) last--;
            StringBuilder line = new StringBuilder();
            for (int c = 0; c <= last; c++) {
                String cell = r.cells.get(c);
                line.append(cell);
                if (c < last) line.append(" ".repeat(widths[c] - cell.length() + 1));
            }
            if (r.comment != null) line.append(' ').append(r.comment);
            out.append(line).append('\n');
        }
    }
}
