package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Argument;
import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.model.ExtensionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The datasource's {@code extensions = [citext, trigram(map: "pg_trgm"), postgis(schema: "gis", version: "3.4")]}:
 * a name, or a name with {@code map:} (the extension's PostgreSQL name), {@code schema:} and {@code version:}.
 */
final class ExtensionList {
    private static final List<String> ARGUMENTS = List.of("map", "schema", "version");

    private ExtensionList() {}

    static List<ExtensionSpec> read(Expression value, ValidationContext ctx) {
        if (!(value instanceof Expression.ArrayLit list)) {
            if (!(value instanceof Expression.Missing)) ctx.error(value.span(), "`extensions` takes a list, as in `[citext, pg_trgm]`.");
            return List.of();
        }
        List<ExtensionSpec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Expression e : list.elements()) {
            ExtensionSpec spec = element(e, ctx);
            if (spec == null) continue;
            if (!seen.add(spec.databaseName())) ctx.error(e.span(), "The extension `" + spec.databaseName() + "` is listed twice.");
            else out.add(spec);
        }
        return List.copyOf(out);
    }

    private static ExtensionSpec element(Expression e, ValidationContext ctx) {
        if (e instanceof Expression.Constant c) return new ExtensionSpec(c.name(), c.name(), null, null);
        if (e instanceof Expression.StringLit s) return new ExtensionSpec(s.value(), s.value(), null, null);
        if (!(e instanceof Expression.FunctionCall f)) {
            ctx.error(e.span(), "An extension is a name, as in `citext`, or a name with arguments, as in `trigram(map: \"pg_trgm\")`.");
            return null;
        }
        String map = null;
        String schema = null;
        String version = null;
        for (Argument a : f.arguments()) {
            String name = a.isNamed() ? a.name().name() : "";
            if (!ARGUMENTS.contains(name)) {
                ctx.error(a.span(), "The extension `" + f.name() + "` takes `map:`, `schema:` and `version:`" + (name.isEmpty() ? "." : ", not `" + name + "`."));
                continue;
            }
            if (!(a.value() instanceof Expression.StringLit s) || s.value().isBlank()) {
                ctx.error(a.value().span(), "`" + name + "` takes a non-empty string, as in `" + name + ": \"" + (name.equals("version") ? "1.6" : "x") + "\"`.");
                continue;
            }
            switch (name) {
                case "map" -> map = s.value();
                case "schema" -> schema = s.value();
                default -> version = s.value();
            }
        }
        return new ExtensionSpec(f.name(), map != null ? map : f.name(), schema, version);
    }
}
