package dev.dbtool.core.model;

import java.util.Optional;

public enum ReferentialAction {
    Cascade("CASCADE"), Restrict("RESTRICT"), NoAction("NO ACTION"), SetNull("SET NULL"), SetDefault("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) { this.sql = sql; }

    public String sql() { return sql; }

    public static Optional<ReferentialAction> fromName(String name) {
        for (ReferentialAction a : values()) if (a.name().equals(name)) return Optional.of(a);
        return Optional.empty();
    }
}
