package dev.dbtool.core.model;

import java.util.Map;

/** A generator block: {@code provider} plus free-form settings (sorted by key). */
public record Generator(String name, String provider, Map<String, ConfigValue> settings) {
    public String setting(String key) {
        ConfigValue v = settings.get(key);
        return v instanceof ConfigValue.Literal l ? l.value() : null;
    }
}
