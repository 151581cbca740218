package dev.dbtool.core.diagnostics;

public enum Severity {
    ERROR, WARNING;

    public String label() { return this == ERROR ? "error" : "warning"; }
}
