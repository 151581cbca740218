package dev.dbtool.core.ast;

import dev.dbtool.core.source.SourceFile;
import java.util.List;

/** The syntax tree of one file. */
public record SchemaFile(SourceFile source, List<Top> items) {}
