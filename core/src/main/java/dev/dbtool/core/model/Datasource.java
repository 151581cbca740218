package dev.dbtool.core.model;

import java.util.List;
import java.util.Map;

/**
 * The datasource block. {@code url} and friends may be {@code env("…")}; {@code schemas} lists {@code @@schema} names;
 * {@code extensions} the PostgreSQL extensions the migrations create.
 */
public record Datasource(String name, String provider, ConfigValue url, ConfigValue directUrl, ConfigValue shadowDatabaseUrl,
                         List<String> schemas, List<ExtensionSpec> extensions, String relationMode, Map<String, ConfigValue> settings) {}
