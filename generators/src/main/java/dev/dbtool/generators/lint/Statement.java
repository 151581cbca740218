package dev.dbtool.generators.lint;

import java.util.List;

/**
 * One SQL statement of a changeset, with its tokens (keywords upper-cased, identifiers unquoted), the changeset it
 * belongs to and where that changeset starts in its file.
 */
public record Statement(String sql, List<String> tokens, ChangeSetInfo changeSet) {
    /** Whether the tokens contain {@code words} in a row. */
    public boolean has(String... words) { return indexOf(0, words) >= 0; }

    public int indexOf(int from, String... words) {
        outer:
        for (int i = from; i + words.length <= tokens.size(); i++) {
            for (int k = 0; k < words.length; k++) if (!tokens.get(i + k).equals(words[k])) continue outer;
            return i;
        }
        return -1;
    }

    public boolean startsWith(String... words) { return indexOf(0, words) == 0; }

    /** The token after {@code words} (an object name), or null. */
    public String after(String... words) {
        int i = indexOf(0, words);
        return i < 0 || i + words.length >= tokens.size() ? null : tokens.get(i + words.length);
    }
}
