package dev.dbtool.core.format;

import dev.dbtool.core.diagnostics.Diagnostic;
import java.util.List;

/** One file's canonical text; {@code formatted} is null when syntax errors make formatting unsafe. */
public record FormattedFile(String path, String original, String formatted, List<Diagnostic> syntaxErrors) {
    public boolean changed() { return formatted != null && !formatted.equals(original); }

    public boolean formattable() { return formatted != null; }
}
