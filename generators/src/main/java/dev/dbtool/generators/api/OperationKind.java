package dev.dbtool.generators.api;

import java.util.Locale;
import java.util.Optional;

/** What a generated root field does. */
public enum OperationKind {
    LIST, GET, CREATE, UPDATE, DELETE;

    public boolean mutation() { return this == CREATE || this == UPDATE || this == DELETE; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<OperationKind> parse(String text) {
        for (OperationKind k : values()) if (k.id().equals(text)) return Optional.of(k);
        return Optional.empty();
    }
}
