package dev.dbtool.core.model;

import dev.dbtool.core.source.Span;
import java.util.List;

public record EnumType(String name, String databaseName, String schema, List<EnumValue> values, String documentation, Span span) {
    public record EnumValue(String name, String databaseName) {}
}
