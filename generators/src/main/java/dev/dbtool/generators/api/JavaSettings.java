package dev.dbtool.generators.api;

import dev.dbtool.core.model.Generator;
import dev.dbtool.core.model.Schema;

/**
 * The {@code generator} block with {@code provider = "dbtool-java"} (all settings optional): {@code output} (a Java
 * source root, relative to the schema file; default {@code src/main/java}), {@code package} (default
 * {@code com.example.app}), {@code sdl} (where {@code schema.graphql} goes; default next to the schema file),
 * {@code maxDepth} (10), {@code maxComplexity} (10000), {@code maxPageSize} (100), {@code spring} ({@code "true"}: also a
 * Spring for GraphQL configuration class). {@code fullTextSearch}: a generator of the schema lists {@code fullTextSearchPostgres} (or
 * {@code fullTextSearch}) in its {@code previewFeatures}, as Prisma asks for its {@code search} filter.
 */
public record JavaSettings(String output, String basePackage, String sdl, int maxDepth, int maxComplexity, int maxPageSize, String templates, boolean spring,
                           boolean fullTextSearch) {
    /** The file in the {@code templates} folder that replaces the built-in SDL template. */
    public static final String SDL_TEMPLATE = "schema.graphql.mustache";

    public static final String PROVIDER = "dbtool-java";

    /** {@link IllegalArgumentException} with a message naming the setting for a bad value. */
    public static JavaSettings from(Schema schema) {
        Generator g = schema.generators().stream().filter(x -> PROVIDER.equals(x.provider())).findFirst().orElse(null);
        String output = g == null ? null : g.setting("output");
        String pkg = g == null ? null : g.setting("package");
        if (pkg != null && !pkg.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*"))
            throw new IllegalArgumentException("generator `" + g.name() + "`: package \"" + pkg + "\" is not a lower-case Java package name");
        return new JavaSettings(output == null ? "src/main/java" : output, pkg == null ? "com.example.app" : pkg,
                g == null || g.setting("sdl") == null ? "schema.graphql" : g.setting("sdl"),
                positive(g, "maxDepth", 10), positive(g, "maxComplexity", 10000), positive(g, "maxPageSize", 100), g == null ? null : g.setting("templates"),
                flag(g, "spring"), fullTextSearch(schema));
    }

    private static boolean fullTextSearch(Schema schema) {
        for (Generator gen : schema.generators()) {
            if (gen.settings().get("previewFeatures") instanceof dev.dbtool.core.model.ConfigValue.ListValue l
                    && (l.values().contains("fullTextSearchPostgres") || l.values().contains("fullTextSearch"))) return true;
        }
        return false;
    }

    private static boolean flag(Generator g, String key) {
        String v = g == null ? null : g.setting(key);
        if (v == null || v.equals("false")) return false;
        if (v.equals("true")) return true;
        throw new IllegalArgumentException("generator `" + g.name() + "`: " + key + " is \"true\" or \"false\", not \"" + v + "\"");
    }

    private static int positive(Generator g, String key, int fallback) {
        String v = g == null ? null : g.setting(key);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("generator `" + g.name() + "`: " + key + " must be a positive whole number, not \"" + v + "\"");
    }

    public String generatedPackage() { return basePackage + ".generated"; }

    public String scaffoldPackage() { return basePackage + ".api"; }
}
