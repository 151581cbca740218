package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;
import dev.dbtool.core.model.CheckConstraint;

/** {@code @@check("sql expression", name: "…")} (dbtool): a PostgreSQL CHECK constraint. */
public final class CheckBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("expression", "name"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        String expression = args.requiredString("expression");
        String name = args.string("name");
        if (expression == null) return;
        if (expression.isBlank()) {
            ctx.error(args.spanOf("expression"), "`@@check` needs a SQL boolean expression, as in `@@check(\"price >= 0\")`.");
            return;
        }
        if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_$]{0,62}")) {
            ctx.error(args.spanOf("name"), "The constraint name `" + name + "` is not a valid PostgreSQL identifier (letters, digits, _; at most 63).");
            return;
        }
        m.checks.add(new CheckConstraint(expression, name));
    }
}
