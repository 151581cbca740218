package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Argument;
import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.ast.Member;
import dev.dbtool.core.model.ConfigValue;
import java.util.ArrayList;
import java.util.List;

/** Reads a setting's value: a string, a constant, {@code env("VAR")}, or a list of strings. */
final class ConfigValues {
    private ConfigValues() {}

    static ConfigValue read(Member.KeyValue kv, ValidationContext ctx) {
        Expression e = kv.value();
        String key = kv.key().name();
        if (e instanceof Expression.StringLit s) return new ConfigValue.Literal(s.value());
        if (e instanceof Expression.Constant c) return new ConfigValue.Literal(c.name());
        if (e instanceof Expression.NumberLit n) return new ConfigValue.Literal(n.text());
        if (e instanceof Expression.FunctionCall f && f.name().equals("env")) {
            List<Argument> args = f.arguments();
            if (args.size() == 1 && !args.get(0).isNamed() && args.get(0).value() instanceof Expression.StringLit s && !s.value().isBlank()) {
                return new ConfigValue.Env(s.value());
            }
            ctx.error(f.span(), "`env()` takes the name of an environment variable as one string, as in `env(\"DATABASE_URL\")`.");
            return null;
        }
        if (e instanceof Expression.ArrayLit a) {
            List<String> values = new ArrayList<>();
            for (Expression el : a.elements()) {
                if (el instanceof Expression.StringLit s) values.add(s.value());
                else if (el instanceof Expression.Constant c) values.add(c.name());
                else if (el instanceof Expression.FunctionCall f) values.add(f.name());
                else ctx.error(el.span(), "`" + key + "` takes a list of names or strings.");
            }
            return new ConfigValue.ListValue(List.copyOf(values));
        }
        if (e instanceof Expression.Missing) return null;
        ctx.error(e.span(), "`" + key + "` takes a string, `env(\"VAR\")` or a list of strings.");
        return null;
    }
}
