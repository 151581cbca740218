package dev.dbtool.generators.seed;

import java.util.List;

/** Every table to fill, parents before children, and the development secrets used for {@code @hashed}/{@code @encrypted}. */
public record SeedPlan(List<SeedTable> tables, SeedSecrets secrets, List<String> notes) {
    /** Tables to empty first with {@code --truncate}, children before parents. */
    public List<String> truncateOrder() {
        List<String> names = new java.util.ArrayList<>(tables.stream().map(SeedTable::qualifiedName).toList());
        java.util.Collections.reverse(names);
        return names;
    }
}
