package dev.dbtool.core.validate.field;

import dev.dbtool.core.ast.Argument;
import dev.dbtool.core.ast.Attribute;
import dev.dbtool.core.ast.Expression;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.NativeType;
import dev.dbtool.core.parser.Suggestions;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.NativeTypes;
import dev.dbtool.core.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/** {@code @db.Name(args)}: the prefix is the datasource's name; the type must fit the field's scalar. */
public final class NativeTypeAttribute {
    private NativeTypeAttribute() {}

    public static void apply(FieldDraft f, Attribute a, String prefix, String typeName, ValidationContext ctx) {
        String ds = ctx.datasourceName();
        if (ds == null || !ds.equals(prefix)) {
            ctx.error(a.nameSpan(), ds == null
                    ? "`@" + prefix + "." + typeName + "` names a datasource, but the schema has no datasource block."
                    : "The prefix `" + prefix + "` is not the datasource's name: write `@" + ds + "." + typeName + "`.");
            return;
        }
        NativeTypes.Spec spec = NativeTypes.get(typeName);
        if (spec == null) {
            String hint = Suggestions.closest(typeName, NativeTypes.names());
            ctx.error(a.nameSpan(), "Native type `" + typeName + "` is not known for PostgreSQL." + (hint != null ? " Did you mean `"
                    + prefix + "." + hint + "`?" : ""));
            return;
        }
        if (f.isRelation() || f.kind == null) return;
        if (!(f.kind instanceof FieldKind.Scalar s) || s.type() != spec.scalar()) {
            String expected = f.kind instanceof FieldKind.Scalar s2 ? " Native types for " + s2.type() + ": "
                    + String.join(", ", NativeTypes.namesFor(s2.type())) + "." : "";
            ctx.error(a.nameSpan(), "Native type `" + typeName + "` is not compatible with type " + f.kind.display() + " of field `"
                    + f.name + "`; it fits " + spec.scalar() + "." + expected);
            return;
        }
        List<Integer> args = new ArrayList<>();
        for (Argument arg : a.arguments()) {
            if (arg.isNamed() || !(arg.value() instanceof Expression.NumberLit n) || !n.text().matches("\\d{1,6}")) {
                ctx.error(arg.span(), "Arguments of `@" + prefix + "." + typeName + "` are whole numbers (" + spec.argumentHint() + ").");
                return;
            }
            args.add(Integer.parseInt(((Expression.NumberLit) arg.value()).text()));
        }
        if (args.size() < spec.minArgs() || args.size() > spec.maxArgs() || spec.maxArgs() == 2 && args.size() == 1) {
            ctx.error(a.span(), spec.maxArgs() == 0 ? "`@" + prefix + "." + typeName + "` takes no arguments."
                    : "`@" + prefix + "." + typeName + "` takes " + (spec.maxArgs() == 2 ? "none or two arguments" : "at most one argument")
                    + " (" + spec.argumentHint() + "), found " + args.size() + ".");
            return;
        }
        String rangeError = ranges(typeName, args);
        if (rangeError != null) {
            ctx.error(a.span(), rangeError);
            return;
        }
        f.nativeType = new NativeType(typeName, List.copyOf(args));
    }

    private static String ranges(String type, List<Integer> args) {
        if (args.isEmpty()) return null;
        int first = args.get(0);
        switch (type) {
            case "Char", "VarChar", "Bit", "VarBit" -> {
                if (first < 1 || first > 10485760) return "The length of " + type + " must be between 1 and 10485760, found " + first + ".";
            }
            case "Timestamp", "Timestamptz", "Time", "Timetz" -> {
                if (first > 6) return "The precision of " + type + " must be between 0 and 6, found " + first + ".";
            }
            case "Decimal" -> {
                int scale = args.get(1);
                if (first < 1 || first > 1000) return "The precision of Decimal must be between 1 and 1000, found " + first + ".";
                if (scale > first) return "The scale of Decimal (" + scale + ") cannot exceed its precision (" + first + ").";
            }
            default -> { }
        }
        return null;
    }
}
