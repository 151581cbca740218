package dev.dbtool.core.format;

import dev.dbtool.core.ast.Attribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order prisma format gives a field's attributes: {@code @id @unique @default @updatedAt @map @relation @ignore}
 * first, in that order; every other attribute (native types, dbtool's own) after them, in the order written.
 */
final class FieldAttributeOrder {
    private static final List<String> ORDER = List.of("id", "unique", "default", "updatedAt", "map", "relation", "ignore");

    private FieldAttributeOrder() {}

    static List<Attribute> sorted(List<Attribute> attributes) {
        List<Attribute> out = new ArrayList<>(attributes);
        out.sort(Comparator.comparingInt(FieldAttributeOrder::rank)); // List.sort is stable: the rest keep their order
        return out;
    }

    private static int rank(Attribute a) {
        int i = ORDER.indexOf(a.name());
        return i < 0 ? ORDER.size() : i;
    }
}
