package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Member;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.model.ConfigValue;
import dev.dbtool.core.model.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Generator blocks: a provider plus free-form settings that each generator reads for itself. */
final class GeneratorReader {
    private GeneratorReader() {}

    static List<Generator> read(Declarations declarations, ValidationContext ctx) {
        List<Generator> out = new ArrayList<>();
        for (Top.Block b : declarations.generators()) {
            java.util.SortedMap<String, ConfigValue> settings = new TreeMap<>();
            for (Member m : b.members()) {
                if (m instanceof Member.BlockAttribute a) {
                    ctx.error(a.span(), "Attributes are not allowed in a generator block.");
                    continue;
                }
                if (!(m instanceof Member.KeyValue kv)) continue;
                if (settings.containsKey(kv.key().name())) {
                    ctx.error(kv.key().span(), "The property `" + kv.key().name() + "` is set twice.");
                    continue;
                }
                ConfigValue v = ConfigValues.read(kv, ctx);
                if (v != null) settings.put(kv.key().name(), v);
                if (kv.key().name().equals("previewFeatures") && v != null && !(v instanceof ConfigValue.ListValue)) {
                    ctx.error(kv.value().span(), "`previewFeatures` takes a list of strings.");
                }
            }
            ConfigValue provider = settings.get("provider");
            String providerText = provider instanceof ConfigValue.Literal l ? l.value() : provider instanceof ConfigValue.Env e ? "env:" + e.variable() : null;
            if (provider == null) ctx.error(b.name().span(), "The generator `" + b.nameText() + "` needs a `provider`.");
            out.add(new Generator(b.nameText(), providerText, java.util.Collections.unmodifiableSortedMap(settings)));
        }
        return List.copyOf(out);
    }
}
