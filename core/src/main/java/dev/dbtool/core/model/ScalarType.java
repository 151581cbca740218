package dev.dbtool.core.model;

import java.util.Optional;

/** The built-in scalar types of the DSL. */
public enum ScalarType {
    String, Boolean, Int, BigInt, Float, Decimal, DateTime, Json, Bytes;

    public static Optional<ScalarType> fromName(java.lang.String name) {
        for (ScalarType t : values()) if (t.name().equals(name)) return Optional.of(t);
        return Optional.empty();
    }

    public boolean isNumeric() { return this == Int || this == BigInt || this == Float || this == Decimal; }
}
