package dev.dbtool.core.model;

/** {@code @@check("expr", name: "…")}. */
public record CheckConstraint(String expression, String name) {}
