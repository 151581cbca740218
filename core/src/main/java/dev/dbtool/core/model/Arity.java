package dev.dbtool.core.model;

public enum Arity {
    REQUIRED, OPTIONAL, LIST;

    public String suffix() { return this == OPTIONAL ? "?" : this == LIST ? "[]" : ""; }
}
