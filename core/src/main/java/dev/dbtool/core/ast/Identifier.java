package dev.dbtool.core.ast;

import dev.dbtool.core.source.Span;

public record Identifier(String name, Span span) {}
