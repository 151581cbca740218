package dev.dbtool.core.physical;

import java.util.List;

public record DbPrimaryKey(String name, List<String> columns) {}
