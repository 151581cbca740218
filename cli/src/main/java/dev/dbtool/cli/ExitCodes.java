package dev.dbtool.cli;

/** DESIGN.md §4: 0 ok, 1 findings or validation errors, 2 usage errors, 3 environment; 70 is a bug in dbtool. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int ENVIRONMENT = 3;
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
