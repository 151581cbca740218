package dev.dbtool.core.validate.field;

/** A small JSON well-formedness check, so core stays free of dependencies. */
final class JsonCheck {
    private final String s;
    private int i;

    private JsonCheck(String s) { this.s = s; }

    static boolean isJson(String text) {
        JsonCheck c = new JsonCheck(text);
        try {
            c.ws();
            c.value(0);
            c.ws();
            return c.i == text.length();
        } catch (IllegalStateException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    private void value(int depth) {
        if (depth > 200) throw new IllegalStateException();
        char ch = s.charAt(i);
        switch (ch) {
            case '{' -> {
                i++; ws();
                if (s.charAt(i) == '}') { i++; return; }
                while (true) {
                    ws(); string(); ws(); expect(':'); ws(); value(depth + 1); ws();
                    if (s.charAt(i) == ',') { i++; continue; }
                    expect('}'); return;
                }
            }
            case '[' -> {
                i++; ws();
                if (s.charAt(i) == ']') { i++; return; }
                while (true) {
                    ws(); value(depth + 1); ws();
                    if (s.charAt(i) == ',') { i++; continue; }
                    expect(']'); return;
                }
            }
            case '"' -> string();
            default -> {
                if (s.startsWith("true", i)) i += 4;
                else if (s.startsWith("false", i)) i += 5;
                else if (s.startsWith("null", i)) i += 4;
                else number();
            }
        }
    }

    private void number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        String n = s.substring(start, i);
        if (!n.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) throw new IllegalStateException();
    }

    private void string() {
        expect('"');
        while (s.charAt(i) != '"') {
            if (s.charAt(i) == '\\') i++;
            else if (s.charAt(i) < 0x20) throw new IllegalStateException();
            i++;
        }
        i++;
    }

    private void expect(char c) {
        if (s.charAt(i) != c) throw new IllegalStateException();
        i++;
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
    }
}
