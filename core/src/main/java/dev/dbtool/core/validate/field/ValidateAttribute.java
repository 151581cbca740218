package dev.dbtool.core.validate.field;

import dev.dbtool.core.ast.Argument;
import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.ScalarType;
import dev.dbtool.core.model.ValidationRule;
import dev.dbtool.core.parser.Suggestions;
import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * {@code @validate(email | url | uuid | minLength: n | maxLength: n | min: x | max: x | pattern: "…")} (dbtool):
 * input rules checked before every write. Several rules may be combined in one attribute.
 */
public final class ValidateAttribute implements FieldAttributeRule {
    private static final List<String> FLAGS = List.of("email", "url", "uuid");
    private static final List<String> NAMED = List.of("minLength", "maxLength", "min", "max", "pattern");

    /** Arguments are a free mix of flags and named rules, so they are bound here rather than by parameter list. */
    @Override public List<String> parameters() { return List.of("rule", "minLength", "maxLength", "min", "max", "pattern"); }

    @Override public boolean bindsOwnArguments() { return true; }

    @Override public void apply(FieldDraft f, AttributeArguments ignoredBinding, ValidationContext ctx) {
        var attribute = ignoredBinding.attribute();
        if (attribute.arguments().isEmpty()) {
            ctx.error(attribute.span(), "`@validate` needs at least one rule: email, url, uuid, minLength, maxLength, min, max or pattern.");
            return;
        }
        boolean isString = f.isScalar(ScalarType.String);
        boolean isNumber = f.kind instanceof FieldKind.Scalar s && s.type().isNumeric();
        Integer minLength = null;
        Integer maxLength = null;
        BigDecimal min = null;
        BigDecimal max = null;
        for (Argument a : attribute.arguments()) {
            if (!a.isNamed()) {
                if (a.value() instanceof Expression.Constant c && FLAGS.contains(c.name())) {
                    if (!isString && f.kind != null) ctx.error(a.span(), "`" + c.name() + "` validates strings; `" + f.name + "` is " + f.kind.display() + ".");
                    f.validations.add(switch (c.name()) {
                        case "email" -> new ValidationRule.Email();
                        case "url" -> new ValidationRule.Url();
                        default -> new ValidationRule.Uuid();
                    });
                } else {
                    String text = dev.dbtool.core.format.ExpressionPrinter.print(a.value());
                    String hint = Suggestions.closest(text, FLAGS);
                    ctx.error(a.span(), "Unknown validation rule `" + text + "`." + (hint != null ? " Did you mean `" + hint + "`?"
                            : " Rules: email, url, uuid, minLength: n, maxLength: n, min: x, max: x, pattern: \"regex\"."));
                }
                continue;
            }
            String name = a.name().name();
            switch (name) {
                case "minLength", "maxLength" -> {
                    Integer n = nonNegativeInt(a, ctx);
                    if (n == null) break;
                    if (!isString && f.kind != null) ctx.error(a.span(), "`" + name + "` validates strings; `" + f.name + "` is " + f.kind.display() + ".");
                    if (name.equals("minLength")) { minLength = n; f.validations.add(new ValidationRule.MinLength(n)); }
                    else { maxLength = n; f.validations.add(new ValidationRule.MaxLength(n)); }
                }
                case "min", "max" -> {
                    BigDecimal v = number(a, ctx);
                    if (v == null) break;
                    if (!isNumber && f.kind != null) ctx.error(a.span(), "`" + name + "` validates numbers; `" + f.name + "` is " + f.kind.display() + ".");
                    if (name.equals("min")) { min = v; f.validations.add(new ValidationRule.Min(v)); }
                    else { max = v; f.validations.add(new ValidationRule.Max(v)); }
                }
                case "pattern" -> {
                    if (!(a.value() instanceof Expression.StringLit s)) {
                        ctx.error(a.value().span(), "`pattern` takes a regular expression in a string.");
                        break;
                    }
                    try {
                        java.util.regex.Pattern.compile(s.value());
                        f.validations.add(new ValidationRule.Pattern(s.value()));
                    } catch (PatternSyntaxException e) {
                        ctx.error(a.value().span(), "`pattern` is not a valid regular expression: " + e.getDescription() + ".");
                    }
                    if (!isString && f.kind != null) ctx.error(a.span(), "`pattern` validates strings; `" + f.name + "` is " + f.kind.display() + ".");
                }
                default -> {
                    String hint = Suggestions.closest(name, NAMED);
                    ctx.error(a.name().span(), "Unknown validation rule `" + name + "`." + (hint != null ? " Did you mean `" + hint + "`?" : ""));
                }
            }
        }
        if (minLength != null && maxLength != null && minLength > maxLength) {
            ctx.error(attribute.span(), "`minLength` (" + minLength + ") is greater than `maxLength` (" + maxLength + "): no value can pass.");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            ctx.error(attribute.span(), "`min` (" + min + ") is greater than `max` (" + max + "): no value can pass.");
        }
    }

    private static Integer nonNegativeInt(Argument a, ValidationContext ctx) {
        if (a.value() instanceof Expression.NumberLit n && n.text().matches("\\d{1,9}")) return Integer.parseInt(n.text());
        ctx.error(a.value().span(), "`" + a.name().name() + "` takes a whole number of characters (0 or more).");
        return null;
    }

    private static BigDecimal number(Argument a, ValidationContext ctx) {
        if (a.value() instanceof Expression.NumberLit n) {
            try { return new BigDecimal(n.text()); } catch (NumberFormatException ignored) { /* reported below */ }
        }
        ctx.error(a.value().span(), "`" + a.name().name() + "` takes a number.");
        return null;
    }
}
