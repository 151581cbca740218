package dev.dbtool.core.validate;

import dev.dbtool.core.ast.BlockKind;
import dev.dbtool.core.ast.Top;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every named top-level block of the schema, by name: what type names can refer to. */
public record Declarations(Map<String, Top.Block> types, List<Top.Block> datasources, List<Top.Block> generators) {

    public boolean isModel(String name) {
        Top.Block b = types.get(name);
        return b != null && (b.kind() == BlockKind.MODEL || b.kind() == BlockKind.VIEW);
    }

    public boolean isEnum(String name) {
        Top.Block b = types.get(name);
        return b != null && b.kind() == BlockKind.ENUM;
    }

    public Top.Block get(String name) { return types.get(name); }

    static Declarations empty() { return new Declarations(new LinkedHashMap<>(), List.of(), List.of()); }
}
