package dev.dbtool.core.validate;

import dev.dbtool.core.ast.BlockKind;
import dev.dbtool.core.ast.SchemaAst;
import dev.dbtool.core.ast.SchemaFile;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.model.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** First pass: every top-level name, with duplicates, reserved and malformed names reported. */
final class DeclarationCollector {
    private DeclarationCollector() {}

    static Declarations collect(SchemaAst ast, ValidationContext ctx) {
        Map<String, Top.Block> types = new LinkedHashMap<>();
        List<Top.Block> datasources = new ArrayList<>();
        List<Top.Block> generators = new ArrayList<>();
        Map<String, Top.Block> configNames = new LinkedHashMap<>();
        for (SchemaFile file : ast.files()) {
            for (Top item : file.items()) {
                if (!(item instanceof Top.Block b)) continue;
                String name = b.nameText();
                if (b.kind().isConfig()) {
                    Top.Block other = configNames.putIfAbsent(b.kind().keyword() + ":" + name, b);
                    if (other != null) {
                        ctx.error(b.name().span(), "The " + b.kind().keyword() + " `" + name + "` is already defined at " + other.name().span() + ".");
                        continue;
                    }
                    (b.kind() == BlockKind.DATASOURCE ? datasources : generators).add(b);
                    continue;
                }
                if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    ctx.error(b.name().span(), "The name `" + name + "` is invalid: " + b.kind().keyword()
                            + " names start with a letter and contain only letters, digits and underscores.");
                } else if (ReservedNames.isReserved(name)) {
                    ctx.error(b.name().span(), "The " + b.kind().keyword() + " name `" + name + "` is reserved. Please choose another name.");
                } else if (ReservedNames.isGraphqlRoot(name) && b.kind() != BlockKind.JOB) {
                    ctx.warning(b.name().span(), "The name `" + name + "` is also a GraphQL root type name: rename it if you generate GraphQL "
                            + "from this schema.");
                } else if (ScalarType.fromName(name).isPresent() || name.equals("Unsupported")) {
                    ctx.error(b.name().span(), "The " + b.kind().keyword() + " name `" + name + "` is a built-in type. Please choose another name.");
                }
                Top.Block other = types.putIfAbsent(name, b);
                if (other != null) {
                    ctx.error(b.name().span(), "The " + b.kind().keyword() + " `" + name + "` cannot be defined because a "
                            + other.kind().keyword() + " with that name already exists at " + other.name().span() + ".");
                }
            }
        }
        return new Declarations(types, List.copyOf(datasources), List.copyOf(generators));
    }
}
