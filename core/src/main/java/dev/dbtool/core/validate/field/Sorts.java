package dev.dbtool.core.validate.field;

import dev.dbtool.core.model.SortOrder;
import dev.dbtool.core.source.Span;
import dev.dbtool.core.validate.ValidationContext;

/** Reads {@code sort: Asc|Desc}. */
final class Sorts {
    private Sorts() {}

    static SortOrder parse(String value, Span span, ValidationContext ctx) {
        if (value.equals("Asc")) return SortOrder.Asc;
        if (value.equals("Desc")) return SortOrder.Desc;
        ctx.error(span, "`sort` must be `Asc` or `Desc`, found `" + value + "`.");
        return null;
    }
}
