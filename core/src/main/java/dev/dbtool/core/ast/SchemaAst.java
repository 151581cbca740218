package dev.dbtool.core.ast;

import java.util.List;

/** All files of one schema (a single file or a folder of files). */
public record SchemaAst(List<SchemaFile> files) {}
