package dev.dbtool.core.physical;

public record DbCheck(String name, String expression) {}
