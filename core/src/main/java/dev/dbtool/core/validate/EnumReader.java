package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Attribute;
import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.model.EnumType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An enum block: unique values, {@code @map} on values, {@code @@map} and {@code @@schema} on the enum. */
final class EnumReader {
    private EnumReader() {}

    static EnumType read(Top.Block b, String doc, ValidationContext ctx) {
        List<EnumType.EnumValue> values = new ArrayList<>();
        Map<String, Member.EnumValue> seen = new HashMap<>();
        Map<String, String> seenDbNames = new HashMap<>();
        String dbName = b.nameText();
        String schema = null;
        for (Member m : b.members()) {
            if (m instanceof Member.EnumValue v) {
                String name = v.name().name();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    ctx.error(v.name().span(), "The enum value `" + name + "` is invalid: use letters, digits and underscores.");
                }
                if (seen.putIfAbsent(name, v) != null) {
                    ctx.error(v.name().span(), "The value `" + name + "` is already defined on enum `" + b.nameText() + "`.");
                    continue;
                }
                String valueDbName = name;
                for (Attribute a : v.attributes()) {
                    if (a.name().equals("map")) {
                        String mapped = new AttributeArguments(a, List.of("name"), ctx).requiredString("name");
                        if (mapped != null && !mapped.isEmpty()) valueDbName = mapped;
                    } else {
                        ctx.error(a.nameSpan(), "Attribute not known on enum values: `" + a.display() + "`. Enum values take `@map(\"…\")`.");
                    }
                }
                String other = seenDbNames.putIfAbsent(valueDbName, name);
                if (other != null) ctx.error(v.span(), "The values `" + other + "` and `" + name + "` of enum `" + b.nameText()
                        + "` have the same database name `" + valueDbName + "`.");
                values.add(new EnumType.EnumValue(name, valueDbName));
            } else if (m instanceof Member.BlockAttribute ba) {
                Attribute a = ba.attribute();
                switch (a.name()) {
                    case "map" -> {
                        String mapped = new AttributeArguments(a, List.of("name"), ctx).requiredString("name");
                        if (mapped != null && !mapped.isEmpty()) dbName = mapped;
                    }
                    case "schema" -> schema = new AttributeArguments(a, List.of("name"), ctx).requiredString("name");
                    default -> ctx.error(a.nameSpan(), "Attribute not known on enums: `" + a.display() + "`. Enums take `@@map` and `@@schema`.");
                }
            }
        }
        if (values.isEmpty()) ctx.error(b.name().span(), "The enum `" + b.nameText() + "` has no values: an enum needs at least one.");
        return new EnumType(b.nameText(), dbName, schema, List.copyOf(values), doc, b.span());
    }
}
