package dev.dbtool.core.robustness;

import java.util.List;
import java.util.Random;

/**
 * Random edits of valid schema text: the kinds of slips people make (deleted, duplicated, swapped or stray
 * characters, truncated files, lines moved) plus DSL-aware tokens spliced in. Deterministic per seed.
 */
public final class SchemaMutator {
    private static final List<String> TOKENS = List.of("{", "}", "(", ")", "[", "]", "@", "@@", "\"", "?", "[]", ",", ":", "=", "\n",
            "//", "///", "@id", "@default(", "@relation(fields: [", "@@index([", "@db.", "model ", "enum ", "job ", "Unsupported(",
            "env(", "-", "1e99", "99999999999999999999", "\t", "\r\n", "\u00e9", "\ud83d\ude00", "@validate(", "@@check(\"", "type ");

    private final Random random;

    public SchemaMutator(long seed) { this.random = new Random(seed); }

    public String mutate(String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            if (s.length() == 0) s.append(TOKENS.get(random.nextInt(TOKENS.size())));
            int at = random.nextInt(s.length() + 1);
            switch (random.nextInt(8)) {
                case 0 -> { if (at < s.length()) s.deleteCharAt(at); }
                case 1 -> s.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
                case 2 -> s.insert(at, (char) (32 + random.nextInt(95)));
                case 3 -> { if (at < s.length()) s.insert(at, s.charAt(at)); }
                case 4 -> s.setLength(at);
                case 5 -> {
                    int len = Math.min(s.length() - Math.min(at, s.length()), random.nextInt(40));
                    String chunk = s.substring(at, at + len);
                    s.insert(random.nextInt(s.length() + 1), chunk);
                }
                case 6 -> { if (at + 1 < s.length()) { char c = s.charAt(at); s.setCharAt(at, s.charAt(at + 1)); s.setCharAt(at + 1, c); } }
                default -> {
                    int end = Math.min(s.length(), at + random.nextInt(30));
                    s.delete(Math.min(at, end), end);
                }
            }
        }
        return s.toString();
    }
}
