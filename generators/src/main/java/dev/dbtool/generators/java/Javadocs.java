package dev.dbtool.generators.java;

/** Javadoc text from DSL documentation comments: escaped so it cannot end the comment or confuse JavaPoet. */
final class Javadocs {
    private Javadocs() {}

    static String of(String text) {
        if (text == null || text.isBlank()) return "";
        return text.strip().replace("*/", "*&#47;").replace("$", "$$") + "\n";
    }
}
