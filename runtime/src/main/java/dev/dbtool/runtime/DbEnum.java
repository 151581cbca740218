package dev.dbtool.runtime;

/** A generated Java enum whose constants are stored under another name in the database (the DSL's {@code @map}). */
public interface DbEnum {
    String dbValue();
}
