package dev.dbtool.core.ast;

import java.util.Optional;

public enum BlockKind {
    MODEL("model"), VIEW("view"), TYPE("type"), ENUM("enum"), DATASOURCE("datasource"), GENERATOR("generator"),
    /** dbtool extension: a typed background job. */
    JOB("job");

    private final String keyword;

    BlockKind(String keyword) { this.keyword = keyword; }

    public String keyword() { return keyword; }

    public static Optional<BlockKind> fromKeyword(String word) {
        for (BlockKind k : values()) if (k.keyword.equals(word)) return Optional.of(k);
        return Optional.empty();
    }

    public boolean hasFields() { return this == MODEL || this == VIEW || this == TYPE || this == JOB; }

    public boolean isConfig() { return this == DATASOURCE || this == GENERATOR; }
}
