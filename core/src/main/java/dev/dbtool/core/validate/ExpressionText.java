package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.format.ExpressionPrinter;

/** How an expression reads in a message: its canonical source text. */
final class ExpressionText {
    private ExpressionText() {}

    static String of(Expression e) {
        String s = ExpressionPrinter.print(e);
        return s.isEmpty() ? "nothing" : s;
    }
}
