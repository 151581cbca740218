package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Argument;
import dev.dbtool.core.ast.Attribute;
import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.model.IndexField;
import dev.dbtool.core.model.SortOrder;
import dev.dbtool.core.parser.Suggestions;
import dev.dbtool.core.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one attribute bound to its declared parameters. The first parameter is the one an unnamed
 * argument binds to. Unknown, duplicate and extra unnamed arguments are reported once, here, so rules only read.
 */
public final class AttributeArguments {
    private final Attribute attribute;
    private final ValidationContext ctx;
    private final Map<String, Argument> bound = new LinkedHashMap<>();

    public AttributeArguments(Attribute attribute, List<String> parameters, ValidationContext ctx) {
        this.attribute = attribute;
        this.ctx = ctx;
        boolean positionalTaken = false;
        for (Argument a : attribute.arguments()) {
            String name;
            if (a.isNamed()) {
                name = a.name().name();
                if (!parameters.contains(name)) {
                    String hint = Suggestions.closest(name, parameters);
                    ctx.error(a.name().span(), "No such argument `" + name + "` on `" + attribute.display() + "`."
                            + (hint != null ? " Did you mean `" + hint + "`?" : parameters.isEmpty()
                            ? " It takes no arguments." : " It takes: " + String.join(", ", parameters) + "."));
                    continue;
                }
            } else {
                if (parameters.isEmpty()) {
                    ctx.error(a.span(), "`" + attribute.display() + "` takes no arguments.");
                    continue;
                }
                if (positionalTaken) {
                    ctx.error(a.span(), "`" + attribute.display() + "` takes only one unnamed argument; name this one ("
                            + String.join(", ", parameters.subList(1, parameters.size())) + ").");
                    continue;
                }
                positionalTaken = true;
                name = parameters.get(0);
            }
            if (bound.containsKey(name)) {
                ctx.error(a.span(), "The argument `" + name + "` is given twice on `" + attribute.display() + "`.");
                continue;
            }
            bound.put(name, a);
        }
    }

    /** For rules that read their own free-form arguments ({@code @validate}): nothing is bound or reported. */
    public static AttributeArguments unbound(Attribute attribute, ValidationContext ctx) {
        return new AttributeArguments(attribute, ctx);
    }

    private AttributeArguments(Attribute attribute, ValidationContext ctx) {
        this.attribute = attribute;
        this.ctx = ctx;
    }

    public Attribute attribute() { return attribute; }

    public boolean has(String name) { return bound.containsKey(name); }

    public Expression get(String name) {
        Argument a = bound.get(name);
        return a == null ? null : a.value();
    }

    public Span spanOf(String name) {
        Argument a = bound.get(name);
        return a == null ? attribute.span() : a.span();
    }

    /** The argument, or an error that it is missing (null then). */
    public Expression required(String name) {
        Expression e = get(name);
        if (e == null) ctx.error(attribute.span(), "The argument `" + name + "` is missing in `" + attribute.display() + "`.");
        return e;
    }

    public String string(String name) { return string(name, false); }

    public String requiredString(String name) { return string(name, true); }

    private String string(String name, boolean required) {
        Expression e = required ? required(name) : get(name);
        if (e == null || e instanceof Expression.Missing) return null;
        if (e instanceof Expression.StringLit s) return s.value();
        ctx.error(e.span(), "Expected a string for `" + name + "` in `" + attribute.display() + "`, found `" + printed(e) + "`.");
        return null;
    }

    public String constant(String name) {
        Expression e = get(name);
        if (e == null || e instanceof Expression.Missing) return null;
        if (e instanceof Expression.Constant c) return c.name();
        ctx.error(e.span(), "Expected a constant for `" + name + "` in `" + attribute.display() + "`, found `" + printed(e) + "`.");
        return null;
    }

    /** An integer argument within [min, max]; null (reported) when it is not one. */
    public Long integer(String name, long min, long max) {
        Expression e = get(name);
        if (e == null || e instanceof Expression.Missing) return null;
        if (e instanceof Expression.NumberLit n) {
            try {
                long v = Long.parseLong(n.text());
                if (v >= min && v <= max) return v;
                ctx.error(e.span(), "`" + name + "` in `" + attribute.display() + "` must be "
                        + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + ", found " + v + ".");
                return null;
            } catch (NumberFormatException ignored) {
                // fall through to the type error below
            }
        }
        ctx.error(e.span(), "Expected a whole number for `" + name + "` in `" + attribute.display() + "`, found `" + printed(e) + "`.");
        return null;
    }

    /** A list of field references, as in {@code [a, b(sort: Desc), c(ops: JsonbPathOps)]}; null when absent or invalid. */
    public List<IndexField> fieldReferences(String name) {
        Expression e = get(name);
        if (e == null || e instanceof Expression.Missing) return null;
        if (!(e instanceof Expression.ArrayLit array)) {
            ctx.error(e.span(), "Expected a list of field names for `" + name + "` in `" + attribute.display() + "`, as in `[a, b]`.");
            return null;
        }
        List<IndexField> out = new ArrayList<>();
        for (Expression el : array.elements()) {
            if (el instanceof Expression.Constant c) {
                out.add(IndexField.of(c.name()));
            } else if (el instanceof Expression.FunctionCall f) {
                SortOrder sort = null;
                String ops = null;
                for (Argument a : f.arguments()) {
                    String an = a.isNamed() ? a.name().name() : "";
                    if (an.equals("sort") && a.value() instanceof Expression.Constant c
                            && (c.name().equals("Asc") || c.name().equals("Desc"))) {
                        sort = SortOrder.valueOf(c.name());
                    } else if (an.equals("ops")) {
                        ops = ExpressionText.of(a.value());
                    } else if (an.equals("length")) {
                        ctx.error(a.span(), "`length` on index fields is MySQL-only; PostgreSQL indexes whole values.");
                    } else {
                        ctx.error(a.span(), "Expected `sort: Asc|Desc` or `ops: …` on field `" + f.name() + "`.");
                    }
                }
                out.add(new IndexField(f.name(), sort, ops));
            } else {
                ctx.error(el.span(), "Expected a field name, found `" + printed(el) + "`.");
            }
        }
        return out;
    }

    private static String printed(Expression e) { return ExpressionText.of(e); }
}
