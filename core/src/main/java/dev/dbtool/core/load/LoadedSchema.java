package dev.dbtool.core.load;

import dev.dbtool.core.ast.SchemaAst;
import dev.dbtool.core.diagnostics.Diagnostic;
import dev.dbtool.core.model.Schema;
import java.util.List;

/** A schema read from text: its syntax tree, its model (best effort when there are errors) and every diagnostic. */
public record LoadedSchema(SchemaAst ast, Schema schema, List<Diagnostic> diagnostics) {
    public boolean hasErrors() { return diagnostics.stream().anyMatch(Diagnostic::isError); }

}
