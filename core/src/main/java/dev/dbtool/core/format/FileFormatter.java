package dev.dbtool.core.format;

import dev.dbtool.core.ast.SchemaFile;
import dev.dbtool.core.diagnostics.Diagnostics;
import dev.dbtool.core.parser.SchemaParser;
import dev.dbtool.core.source.SourceFile;

/**
 * Formats one file. A file with syntax errors is not formatted (like {@code prisma format}), because a line the
 * parser could not read would be lost; semantic errors do not block formatting.
 */
public final class FileFormatter {
    private FileFormatter() {}

    public static FormattedFile format(SourceFile source) {
        Diagnostics d = new Diagnostics();
        SchemaFile ast = SchemaParser.parse(source, d);
        if (d.hasErrors()) return new FormattedFile(source.path(), source.text(), null, d.sorted());
        return new FormattedFile(source.path(), source.text(), SchemaFormatter.format(ast), d.sorted());
    }
}
