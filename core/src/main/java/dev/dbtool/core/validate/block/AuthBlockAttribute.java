package dev.dbtool.core.validate.block;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.BlockAttributeRule;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @@auth(read: "scope", write: "scope")} (dbtool): GraphQL authorization scopes. */
public final class AuthBlockAttribute implements BlockAttributeRule {
    @Override public List<String> parameters() { return List.of("read", "write"); }

    @Override public void apply(ModelDraft m, AttributeArguments args, ValidationContext ctx) {
        if (!args.has("read") && !args.has("write")) {
            ctx.error(args.attribute().span(), "`@@auth` needs `read:`, `write:` or both, as in `@@auth(read: \"posts:read\", write: \"posts:write\")`.");
            return;
        }
        m.readScope = nonBlank(args, "read", ctx);
        m.writeScope = nonBlank(args, "write", ctx);
    }

    private static String nonBlank(AttributeArguments args, String name, ValidationContext ctx) {
        String s = args.string(name);
        if (s != null && s.isBlank()) ctx.error(args.spanOf(name), "The `" + name + "` scope must not be empty.");
        return s;
    }
}
