package dev.dbtool.core.ast;

import dev.dbtool.core.source.Span;
import java.util.List;

/**
 * {@code @name(args)} on a field or enum value, or {@code @@name(args)} on a block. {@code name} is without
 * the at-signs and may be dotted ({@code db.VarChar}). {@code hasParens} keeps {@code @id()} distinct from
 * {@code @id} for the formatter.
 */
public record Attribute(boolean block, String name, Span nameSpan, List<Argument> arguments, boolean hasParens, Span span) {
    public String display() { return (block ? "@@" : "@") + name; }
}
