package dev.dbtool.core.ast;

import dev.dbtool.core.source.Span;

/**
 * A field's declared type. {@code unsupported} holds the string of {@code Unsupported("…")}, in which case
 * {@code name} is "Unsupported".
 */
public record FieldType(String name, boolean optional, boolean list, String unsupported, Span span) {
    public String display() {
        String base = unsupported != null ? "Unsupported(" + unsupported + ")" : name;
        return base + (list ? "[]" : "") + (optional ? "?" : "");
    }
}
