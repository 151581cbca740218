package dev.dbtool.generators.api;

import java.util.Optional;

/** What a generated root field does. */
public enum OperationKind {
    LIST("list"), GET("get"), CREATE("create"), UPDATE("update"), DELETE("delete"), UPSERT("upsert"), UPDATE_MANY("updateMany"), DELETE_MANY("deleteMany"),
    AGGREGATE("aggregate"), GROUP_BY("groupBy"), EVENTS("events"), CREATE_MANY("createMany");

    private final String id;

    OperationKind(String id) { this.id = id; }

    public boolean mutation() { return this != LIST && this != GET && this != AGGREGATE && this != GROUP_BY && this != EVENTS; }

    /** A subscription field: committed writes of the model, as they happen. */
    public boolean subscription() { return this == EVENTS; }

    /** Bulk writes: a filter in, the number of rows written out. */
    public boolean bulk() { return this == UPDATE_MANY || this == DELETE_MANY || this == CREATE_MANY; }

    public String id() { return id; }

    public static Optional<OperationKind> parse(String text) {
        for (OperationKind k : values()) if (k.id().equals(text)) return Optional.of(k);
        return Optional.empty();
    }
}
