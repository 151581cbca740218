package dev.dbtool.generators.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column default as PostgreSQL prints it ({@code 'x'::text}, {@code 42}, {@code CURRENT_TIMESTAMP},
 * {@code ARRAY['a'::text]}) → the DSL's {@code @default(…)} argument; anything else becomes
 * {@code dbgenerated("…")}, which keeps it exactly.
 */
final class DefaultParser {
    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'(?:::[\\w\" .()\\[\\]]+)?");
    private static final Pattern NUMBER = Pattern.compile("\\(?(-?\\d+(?:\\.\\d+)?)\\)?(?:::[\\w ]+)?");

    private DefaultParser() {}

    /** {@code scalar} is the DSL scalar (String, Int, …, or "enum"); null result means "no @default". */
    static String toDsl(String expr, String scalar, boolean list) {
        if (expr == null) return null;
        String e = expr.strip();
        if (list) {
            if (e.startsWith("ARRAY[") ) {
                int end = e.lastIndexOf(']');
                List<String> items = new ArrayList<>();
                for (String part : splitTopLevel(e.substring(6, end))) {
                    String v = toDsl(part, scalar, false);
                    if (v == null || v.startsWith("dbgenerated(")) return dbgenerated(expr);
                    items.add(v);
                }
                return "[" + String.join(", ", items) + "]";
            }
            if (e.startsWith("'{}'")) return "[]";
            return dbgenerated(expr);
        }
        if (e.equalsIgnoreCase("CURRENT_TIMESTAMP") || e.equals("now()")) return scalar.equals("DateTime") ? "now()" : dbgenerated(expr);
        if (e.equals("true") || e.equals("false")) return scalar.equals("Boolean") ? e : dbgenerated(expr);
        Matcher n = NUMBER.matcher(e);
        if (n.matches() && (scalar.equals("Int") || scalar.equals("BigInt") || scalar.equals("Float") || scalar.equals("Decimal"))) return n.group(1);
        Matcher s = STRING.matcher(e);
        if (s.matches()) {
            String value = s.group(1).replace("''", "'");
            return switch (scalar) {
                case "enum" -> value;
                case "String", "Json" -> quote(value);
                case "Decimal", "Int", "BigInt", "Float" -> value.matches("-?\\d+(\\.\\d+)?") ? value : dbgenerated(expr);
                default -> dbgenerated(expr);
            };
        }
        return dbgenerated(expr);
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    private static String dbgenerated(String expr) { return "dbgenerated(" + quote(expr) + ")"; }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (!quoted && (c == '(' || c == '[')) depth++;
            else if (!quoted && (c == ')' || c == ']')) depth--;
            else if (!quoted && depth == 0 && c == ',') {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!s.isBlank()) out.add(s.substring(start).strip());
        return out;
    }
}
