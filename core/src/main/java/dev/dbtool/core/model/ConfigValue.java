package dev.dbtool.core.model;

import java.util.List;

/** A datasource or generator setting: a literal, {@code env("NAME")}, or a list. */
public sealed interface ConfigValue {
    record Literal(String value) implements ConfigValue {}

    record Env(String variable) implements ConfigValue {}

    record ListValue(List<String> values) implements ConfigValue {}
}
