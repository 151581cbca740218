package dev.dbtool.core.edit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field given on the command line as {@code name:Type[?|[]][@attr…]}, e.g. {@code email:String@unique},
 * {@code bio:String?@db.Text}, {@code tags:String[]}, {@code price:Decimal@db.Decimal(10,2)@validate(min:0)}.
 */
public record FieldSpec(String name, String type, String attributes) {
    private static final Pattern SPEC = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*):([A-Za-z_][A-Za-z0-9_]*(?:\\[\\])?\\??)((?:@.*)?)");

    /** Parses a spec; {@link IllegalArgumentException} with the expected form when it is not one. */
    public static FieldSpec parse(String text) {
        Matcher m = SPEC.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid --field `" + text + "`: expected name:Type[?|[]][@attribute…], "
                    + "as in email:String@unique or tags:String[]");
        }
        String attributes = m.group(3).isEmpty() ? "" : splitAttributes(m.group(3));
        return new FieldSpec(m.group(1), m.group(2), attributes);
    }

    /** {@code @unique@db.Text} → {@code @unique @db.Text}: a new attribute starts at an {@code @} outside parentheses. */
    private static String splitAttributes(String s) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && c == '(') depth++;
            if (!quoted && c == ')') depth--;
            if (c == '@' && depth == 0 && !quoted && i > 0) out.append(' ');
            out.append(c);
        }
        return out.toString();
    }

    public String line() { return name + " " + type + (attributes.isEmpty() ? "" : " " + attributes); }
}
