package dev.dbtool.generators.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL into statements and tokens: words (upper-cased), quoted identifiers (unquoted, case kept), string
 * literals (as {@code '…'}), numbers and punctuation; comments are dropped. Enough structure for the DDL shapes the
 * migration rules recognise, without guessing inside strings or comments.
 */
public final class SqlTokens {
    private SqlTokens() {}

    public static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') { while (i < n && sql.charAt(i) != '\n') i++; continue; }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < n) {
                    if (sql.charAt(i) == '"' && i + 1 < n && sql.charAt(i + 1) == '"') { b.append('"'); i += 2; continue; }
                    if (sql.charAt(i) == '"') { i++; break; }
                    b.append(sql.charAt(i++));
                }
                out.add(b.toString());
                continue;
            }
            if (c == '\'') {
                int start = i++;
                while (i < n) {
                    if (sql.charAt(i) == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') { i += 2; continue; }
                    if (sql.charAt(i) == '\'') { i++; break; }
                    i++;
                }
                out.add(sql.substring(start, Math.min(i, n)));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) i++;
                out.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
                continue;
            }
            if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) i++;
                out.add(sql.substring(start, i));
                continue;
            }
            out.add(String.valueOf(c));
            i++;
        }
        return out;
    }

    /**
     * The object named at token {@code i}, past {@code IF [NOT] EXISTS} and {@code ONLY}; for {@code schema.name}, the
     * name. Null past the end.
     */
    public static String objectName(List<String> t, int i) {
        while (i < t.size() && (t.get(i).equals("IF") || t.get(i).equals("NOT") || t.get(i).equals("EXISTS") || t.get(i).equals("ONLY"))) i++;
        if (i >= t.size()) return null;
        if (i + 2 < t.size() && t.get(i + 1).equals(".")) return t.get(i + 2);
        return t.get(i);
    }

    /** Statements separated by top-level semicolons (not inside strings, quoted names or comments). */
    public static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                char q = c;
                cur.append(c);
                i++;
                while (i < n) {
                    cur.append(sql.charAt(i));
                    if (sql.charAt(i) == q) {
                        if (i + 1 < n && sql.charAt(i + 1) == q) { cur.append(q); i += 2; continue; }
                        i++;
                        break;
                    }
                    i++;
                }
                continue;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') cur.append(sql.charAt(i++));
                continue;
            }
            if (c == ';') {
                if (!cur.toString().isBlank()) out.add(cur.toString().strip());
                cur.setLength(0);
                i++;
                continue;
            }
            cur.append(c);
            i++;
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}
