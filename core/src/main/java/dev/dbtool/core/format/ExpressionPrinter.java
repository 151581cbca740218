package dev.dbtool.core.format;

import dev.dbtool.core.ast.Argument;
import dev.dbtool.core.ast.Attribute;
import dev.dbtool.core.ast.Expression;
import java.util.List;
import java.util.stream.Collectors;

/** Canonical text of expressions and attributes: `, ` between items, `name: value` for named arguments. */
public final class ExpressionPrinter {
    private ExpressionPrinter() {}

    public static String print(Expression e) {
        if (e instanceof Expression.StringLit s) return s.raw();
        if (e instanceof Expression.NumberLit n) return n.text();
        if (e instanceof Expression.Constant c) return c.name();
        if (e instanceof Expression.FunctionCall f) return f.name() + "(" + arguments(f.arguments()) + ")";
        if (e instanceof Expression.ArrayLit a) {
            return a.elements().stream().map(ExpressionPrinter::print).collect(Collectors.joining(", ", "[", "]"));
        }
        return "";
    }

    public static String arguments(List<Argument> args) {
        return args.stream()
                .map(a -> a.isNamed() ? a.name().name() + ": " + print(a.value()) : print(a.value()))
                .collect(Collectors.joining(", "));
    }

    public static String attribute(Attribute a) {
        return a.display() + (a.hasParens() ? "(" + arguments(a.arguments()) + ")" : "");
    }

    public static String attributes(List<Attribute> attributes) {
        return attributes.stream().map(ExpressionPrinter::attribute).collect(Collectors.joining(" "));
    }
}
