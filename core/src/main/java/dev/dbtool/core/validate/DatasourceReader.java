package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.model.ConfigValue;
import dev.dbtool.core.model.Datasource;
import dev.dbtool.core.model.ExtensionSpec;
import dev.dbtool.core.parser.Suggestions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The datasource block: PostgreSQL only, one of it, known settings only. */
final class DatasourceReader {
    private static final List<String> KEYS = List.of("provider", "url", "directUrl", "shadowDatabaseUrl", "relationMode", "extensions", "schemas");

    private DatasourceReader() {}

    static Datasource read(Declarations declarations, ValidationContext ctx) {
        List<Top.Block> blocks = declarations.datasources();
        if (blocks.isEmpty()) return null;
        for (Top.Block extra : blocks.subList(1, blocks.size())) {
            ctx.error(extra.name().span(), "Only one datasource is allowed; `" + blocks.get(0).nameText() + "` is already defined.");
        }
        Top.Block b = blocks.get(0);
        java.util.SortedMap<String, ConfigValue> settings = new TreeMap<>();
        Map<String, Member.KeyValue> byKey = new TreeMap<>();
        for (Member m : b.members()) {
            if (m instanceof Member.BlockAttribute a) {
                ctx.error(a.span(), "Attributes are not allowed in a datasource block.");
                continue;
            }
            if (!(m instanceof Member.KeyValue kv)) continue;
            String key = kv.key().name();
            if (!KEYS.contains(key)) {
                String hint = Suggestions.closest(key, KEYS);
                ctx.error(kv.key().span(), "Property not known: `" + key + "`." + (hint != null ? " Did you mean `" + hint + "`?"
                        : " Known: " + String.join(", ", KEYS) + "."));
                continue;
            }
            if (byKey.putIfAbsent(key, kv) != null) {
                ctx.error(kv.key().span(), "The property `" + key + "` is set twice.");
                continue;
            }
            if (key.equals("extensions")) continue; // read with its arguments below (ExtensionList)
            ConfigValue v = ConfigValues.read(kv, ctx);
            if (v != null) settings.put(key, v);
        }
        String provider = null;
        if (!settings.containsKey("provider")) {
            if (!byKey.containsKey("provider")) ctx.error(b.name().span(), "The datasource `" + b.nameText() + "` needs a `provider`, as in `provider = \"postgresql\"`.");
        } else if (settings.get("provider") instanceof ConfigValue.Literal l) {
            provider = l.value();
            if (!provider.equals("postgresql") && !provider.equals("postgres")) {
                ctx.error(byKey.get("provider").value().span(), "dbtool supports the provider \"postgresql\" only, found \"" + provider + "\".");
            }
        } else {
            ctx.error(byKey.get("provider").value().span(), "The provider must be a string literal, as in `provider = \"postgresql\"`.");
        }
        for (String urlKey : List.of("url", "directUrl", "shadowDatabaseUrl")) {
            if (settings.get(urlKey) instanceof ConfigValue.ListValue) {
                ctx.error(byKey.get(urlKey).value().span(), "`" + urlKey + "` takes a string or `env(\"VAR\")`, not a list.");
                settings.remove(urlKey);
            } else if (settings.get(urlKey) instanceof ConfigValue.Literal l && !l.value().startsWith("postgres://")
                    && !l.value().startsWith("postgresql://") && !l.value().startsWith("jdbc:postgresql:")) {
                ctx.error(byKey.get(urlKey).value().span(), "`" + urlKey + "` must start with `postgresql://` or `postgres://` (or be `env(\"VAR\")`).");
            }
        }
        String relationMode = settings.get("relationMode") instanceof ConfigValue.Literal l ? l.value() : null;
        if (relationMode != null && !relationMode.equals("foreignKeys") && !relationMode.equals("prisma")) {
            ctx.error(byKey.get("relationMode").value().span(), "`relationMode` is \"foreignKeys\" or \"prisma\", found \"" + relationMode + "\".");
        }
        List<String> schemas = listOf(settings.get("schemas"), "schemas", byKey, ctx);
        List<ExtensionSpec> extensions = byKey.containsKey("extensions") ? ExtensionList.read(byKey.get("extensions").value(), ctx) : List.of();
        return new Datasource(b.nameText(), provider, settings.get("url"), settings.get("directUrl"), settings.get("shadowDatabaseUrl"),
                schemas, extensions, relationMode, java.util.Collections.unmodifiableSortedMap(settings));
    }

    private static List<String> listOf(ConfigValue v, String key, Map<String, Member.KeyValue> byKey, ValidationContext ctx) {
        if (v == null) return List.of();
        if (v instanceof ConfigValue.ListValue l) return l.values();
        ctx.error(byKey.get(key).value().span(), "`" + key + "` takes a list of strings, as in `[\"public\"]`.");
        return List.of();
    }
}
