package dev.dbtool.core.model;

import java.util.List;

/** A {@code @db.Name(args)} native type, e.g. {@code VarChar(255)} or {@code Decimal(10, 2)}. */
public record NativeType(String name, List<Integer> arguments) {
    public String display() {
        if (arguments.isEmpty()) return name;
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < arguments.size(); i++) b.append(i > 0 ? ", " : "").append(arguments.get(i));
        return b.append(')').toString();
    }
}
