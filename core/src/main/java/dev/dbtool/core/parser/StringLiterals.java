package dev.dbtool.core.parser;

/** Turns a quoted string token into its value (the escapes JSON knows). */
final class StringLiterals {
    private StringLiterals() {}

    static String unescape(String quoted) {
        String s = quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : "";
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) { out.append(c); continue; }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (isHex(s, i + 1)) {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append("\\u");
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from) {
        if (from + 4 > s.length()) return false;
        for (int k = from; k < from + 4; k++) if (Character.digit(s.charAt(k), 16) < 0) return false;
        return true;
    }
}
