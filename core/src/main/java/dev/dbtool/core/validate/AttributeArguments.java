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

    /**
     * A list of field references, as in {@code [a, b(sort: Desc), c(ops: JsonbPathOps)]}; a single reference may stand
     * without the brackets ({@code @@index(a)}), as Prisma allows. Null when absent or invalid.
     */
    public List<IndexField> fieldReferences(String name) {
        Expression e = get(name);
        if (e == null || e instanceof Expression.Missing) return null;
        List<Expression> elements;
        if (e instanceof Expression.ArrayLit array) elements = array.elements();
        else if (e instanceof Expression.Constant || e instanceof Expression.FunctionCall) elements = List.of(e);
        else {
            ctx.error(e.span(), "Expected a list of field names for `" + name + "` in `" + attribute.display() + "`, as in `[a, b]`.");
            return null;
        }
        List<IndexField> out = new ArrayList<>();
        for (Expression el : elements) {
            if (el instanceof Expression.Constant c) {
                out.add(IndexField.of(c.name()));
            } else if (el instanceof Expression.FunctionCall f) {
                out.add(fieldReference(f));
            } else {
                ctx.error(el.span(), "Expected a field name, found `" + printed(el) + "`.");
            }
        }
        return out;
    }

    /** {@code field(sort: Desc, ops: …)}. Arguments Prisma ignores (such as the old {@code order:}) are ignored with a warning. */
    private IndexField fieldReference(Expression.FunctionCall f) {
        SortOrder sort = null;
        String ops = null;
        for (Argument a : f.arguments()) {
            String an = a.isNamed() ? a.name().name() : "";
            switch (an) {
                case "sort" -> {
                    if (a.value() instanceof Expression.Constant c && (c.name().equals("Asc") || c.name().equals("Desc"))) sort = SortOrder.valueOf(c.name());
                    else ctx.error(a.value().span(), "`sort` must be `Asc` or `Desc`, found `" + printed(a.value()) + "`.");
                }
                case "ops" -> ops = operatorClass(a.value());
                case "length" -> ctx.error(a.span(), "`length` on index fields is MySQL-only; PostgreSQL indexes whole values.");
                default -> ctx.warning(a.span(), (an.isEmpty() ? "The unnamed argument `" + printed(a.value()) + "`" : "The argument `" + an + "`")
                        + " on `" + f.name() + "` is ignored (Prisma ignores it too); index fields take `sort:` and `ops:`"
                        + (an.equals("order") ? ". For a descending column write `sort: Desc`." : "."));
            }
        }
        return new IndexField(f.name(), sort, ops);
    }

    /** {@code ops:} a named operator class ({@code JsonbPathOps}) or {@code raw("gin_trgm_ops")}, as written; null if invalid. */
    private String operatorClass(Expression v) {
        if (v instanceof Expression.Constant c) {
            if (dev.dbtool.core.physical.OperatorClasses.named(c.name()) != null) return c.name();
            String hint = Suggestions.closest(c.name(), dev.dbtool.core.physical.OperatorClasses.names());
            ctx.error(v.span(), "Unknown operator class `" + c.name() + "`." + (hint != null ? " Did you mean `" + hint + "`?" : "")
                    + " Other classes are written `ops: raw(\"name\")`.");
            return null;
        }
        if (v instanceof Expression.FunctionCall fn && fn.name().equals("raw") && fn.arguments().size() == 1
                && fn.arguments().get(0).value() instanceof Expression.StringLit s && s.value().matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            return "raw(\"" + s.value() + "\")";
        }
        ctx.error(v.span(), "`ops` takes an operator class, as in `ops: JsonbPathOps` or `ops: raw(\"gin_trgm_ops\")`.");
        return null;
    }

    private static String printed(Expression e) { return ExpressionText.of(e); }
}
