package dev.dbtool.core.validate.field;

import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.DefaultValue;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.ScalarType;
import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code @default(value, map?)}: a literal, an enum value, a list, or a function that fits the field's type. */
public final class DefaultAttribute implements FieldAttributeRule {
    private static final Set<String> FUNCTIONS = Set.of("autoincrement", "now", "uuid", "cuid", "nanoid", "ulid", "dbgenerated", "sequence");

    @Override public List<String> parameters() { return List.of("value", "map"); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) {
        Expression value = args.required("value");
        if (args.string("map") != null) {
            ctx.error(args.spanOf("map"), "`map` on `@default` names a default constraint, which only SQL Server has; PostgreSQL defaults have no name.");
        }
        if (value == null || value instanceof Expression.Missing || f.kind == null) return;
        if (f.hashed) {
            ctx.error(args.attribute().span(), "A `@hashed` field cannot have a default: hashes are computed from the value written.");
            return;
        }
        if (value instanceof Expression.FunctionCall fn) {
            f.defaultValue = function(f, fn, ctx);
        } else if (f.arity == Arity.LIST) {
            if (value instanceof Expression.ArrayLit array) {
                List<String> values = new ArrayList<>();
                for (Expression el : array.elements()) {
                    String v = literal(f, el, ctx);
                    if (v != null) values.add(v);
                }
                f.defaultValue = new DefaultValue.ListLiteral(values);
            } else {
                ctx.error(value.span(), "The default of list field `" + f.name + "` must be a list, as in `[]` or `[" + sample(f) + "]`.");
            }
        } else if (value instanceof Expression.ArrayLit) {
            ctx.error(value.span(), "`" + f.name + "` is not a list, so its default cannot be a list.");
        } else {
            String v = literal(f, value, ctx);
            if (v != null) f.defaultValue = f.kind instanceof FieldKind.Enum ? new DefaultValue.EnumValue(v) : new DefaultValue.Literal(v);
        }
    }

    private static String sample(FieldDraft f) {
        return f.kind instanceof FieldKind.Scalar s && s.type() == ScalarType.String ? "\"a\"" : "1";
    }

    /** The literal's value as text if it fits the field's type; reported and null otherwise. */
    private static String literal(FieldDraft f, Expression e, ValidationContext ctx) {
        String type = f.kind.display();
        if (f.kind instanceof FieldKind.Enum en) {
            if (e instanceof Expression.Constant c) {
                var block = ctx.declarations().get(en.name());
                boolean known = block != null && block.members().stream().anyMatch(m ->
                        m instanceof dev.dbtool.core.ast.Member.EnumValue v && v.name().name().equals(c.name()));
                if (!known) ctx.error(e.span(), "`" + c.name() + "` is not a value of enum `" + en.name() + "`.");
                return known ? c.name() : null;
            }
            ctx.error(e.span(), "The default of enum field `" + f.name + "` must be one of its values, written without quotes.");
            return null;
        }
        if (f.kind instanceof FieldKind.Unsupported) {
            ctx.error(e.span(), "Fields of an Unsupported type can only default to `dbgenerated(\"…\")`.");
            return null;
        }
        ScalarType t = ((FieldKind.Scalar) f.kind).type();
        switch (t) {
            case String, Json, Bytes, DateTime -> {
                if (e instanceof Expression.StringLit s) {
                    if (t == ScalarType.DateTime && !isDateTime(s.value())) {
                        ctx.error(e.span(), "`" + s.value() + "` is not an ISO-8601 date-time, as in \"2024-01-31T12:00:00Z\".");
                        return null;
                    }
                    if (t == ScalarType.Bytes && !isBase64(s.value())) {
                        ctx.error(e.span(), "The default of Bytes field `" + f.name + "` must be base64, as in \"aGVsbG8=\".");
                        return null;
                    }
                    if (t == ScalarType.Json && !JsonCheck.isJson(s.value())) {
                        ctx.error(e.span(), "The default of Json field `" + f.name + "` is not valid JSON.");
                        return null;
                    }
                    return s.value();
                }
            }
            case Boolean -> {
                if (e instanceof Expression.Constant c && (c.name().equals("true") || c.name().equals("false"))) return c.name();
            }
            case Int, BigInt -> {
                if (e instanceof Expression.NumberLit n && n.text().matches("-?\\d+")) {
                    if (t == ScalarType.Int) {
                        try { Integer.parseInt(n.text()); } catch (NumberFormatException x) {
                            ctx.warning(e.span(), n.text() + " does not fit in an Int (32 bits): PostgreSQL will reject it when the "
                                    + "migration runs. Use BigInt.");
                        }
                    }
                    return n.text();
                }
            }
            case Float, Decimal -> {
                if (e instanceof Expression.NumberLit n) {
                    try { new java.math.BigDecimal(n.text()); return n.text(); } catch (NumberFormatException ignored) { /* below */ }
                }
                // Prisma takes a Decimal default as a string too (`@default("2.00")`): exact digits, no float rounding.
                if (t == ScalarType.Decimal && e instanceof Expression.StringLit s && s.value().matches("-?\\d+(\\.\\d+)?")) return s.value();
            }
        }
        ctx.error(e.span(), "The default `" + dev.dbtool.core.format.ExpressionPrinter.print(e) + "` does not fit type " + type
                + " of field `" + f.name + "`" + hint(t) + ".");
        return null;
    }

    private static String hint(ScalarType t) {
        return switch (t) {
            case String, Json, Bytes -> ": expected a string";
            case DateTime -> ": expected a date-time string or now()";
            case Boolean -> ": expected true or false";
            case Int, BigInt -> ": expected a whole number";
            case Float, Decimal -> ": expected a number";
        };
    }

    private static boolean isBase64(String s) {
        try {
            java.util.Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDateTime(String s) {
        try {
            java.time.OffsetDateTime.parse(s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            try { java.time.LocalDate.parse(s); return true; } catch (java.time.format.DateTimeParseException e2) { return false; }
        }
    }

    private static DefaultValue function(FieldDraft f, Expression.FunctionCall fn, ValidationContext ctx) {
        String name = fn.name();
        List<String> argTexts = fn.arguments().stream().map(a -> dev.dbtool.core.format.ExpressionPrinter.print(a.value())).toList();
        if (!FUNCTIONS.contains(name)) {
            String hint = dev.dbtool.core.parser.Suggestions.closest(name, FUNCTIONS);
            ctx.error(fn.span(), "Unknown function `" + name + "()` in `@default`." + (hint != null ? " Did you mean `" + hint + "()`?"
                    : " Known: autoincrement(), now(), uuid(), cuid(), nanoid(), ulid(), dbgenerated(\"…\")."));
            return null;
        }
        if (name.equals("dbgenerated")) {
            if (fn.arguments().isEmpty()) return new DefaultValue.DbGenerated(null);
            if (fn.arguments().size() == 1 && fn.arguments().get(0).value() instanceof Expression.StringLit s && !s.value().isBlank()) {
                return new DefaultValue.DbGenerated(s.value());
            }
            ctx.error(fn.span(), "`dbgenerated` takes one non-empty SQL string, as in `dbgenerated(\"gen_random_uuid()\")`.");
            return null;
        }
        if (name.equals("sequence")) {
            ctx.error(fn.span(), "`sequence()` is CockroachDB-only; on PostgreSQL use `autoincrement()`.");
            return null;
        }
        ScalarType t = f.kind instanceof FieldKind.Scalar s ? s.type() : null;
        boolean fits = switch (name) {
            case "autoincrement" -> t == ScalarType.Int || t == ScalarType.BigInt;
            case "now" -> t == ScalarType.DateTime;
            default -> t == ScalarType.String;
        };
        if (!fits) {
            ctx.error(fn.span(), "The function `" + name + "()` cannot be used on fields of type " + f.kind.display() + "; it fits "
                    + switch (name) {
                        case "autoincrement" -> "Int and BigInt";
                        case "now" -> "DateTime";
                        default -> "String";
                    } + " fields.");
            return null;
        }
        if (f.arity == Arity.LIST) {
            ctx.error(fn.span(), "A list field cannot default to `" + name + "()`.");
            return null;
        }
        String allowedArgs = switch (name) {
            case "uuid" -> "4|7";
            case "cuid" -> "1|2";
            case "nanoid" -> "length";
            default -> "";
        };
        if (!argTexts.isEmpty()) {
            boolean ok = argTexts.size() == 1 && switch (name) {
                case "uuid" -> argTexts.get(0).equals("4") || argTexts.get(0).equals("7");
                case "cuid" -> argTexts.get(0).equals("1") || argTexts.get(0).equals("2");
                case "nanoid" -> argTexts.get(0).matches("\\d+") && Integer.parseInt(argTexts.get(0)) >= 2
                        && Integer.parseInt(argTexts.get(0)) <= 255;
                default -> false;
            };
            if (!ok) {
                ctx.error(fn.span(), allowedArgs.isEmpty() ? "`" + name + "()` takes no arguments."
                        : "`" + name + "()` takes " + (name.equals("nanoid") ? "an optional length from 2 to 255" : "an optional version, " + allowedArgs) + ".");
                return null;
            }
        }
        return new DefaultValue.Function(name, argTexts);
    }
}
