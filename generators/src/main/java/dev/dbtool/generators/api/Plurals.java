package dev.dbtool.generators.api;

/** English plurals for default operation names ({@code users}, {@code categories}, {@code addresses}). */
public final class Plurals {
    private Plurals() {}

    public static String of(String word) {
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch") || word.endsWith("sh")) return word + "es";
        if (word.length() > 1 && word.endsWith("y") && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) return word.substring(0, word.length() - 1) + "ies";
        return word + "s";
    }

    public static String lowerFirst(String s) { return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1); }

    public static String upperFirst(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
