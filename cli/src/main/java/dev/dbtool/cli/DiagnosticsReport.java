package dev.dbtool.cli;

import dev.dbtool.core.diagnostics.Diagnostic;
import dev.dbtool.core.diagnostics.DiagnosticRenderer;
import dev.dbtool.core.source.Span;
import java.util.List;

/** Prints diagnostics as text (headline, source line, caret) or as JSON for tools. */
final class DiagnosticsReport {
    private DiagnosticsReport() {}

    static void text(List<Diagnostic> diagnostics, Environment env) {
        DiagnosticRenderer renderer = new DiagnosticRenderer(env.colour());
        for (Diagnostic d : diagnostics) env.err().print(renderer.render(d));
    }

    static long errors(List<Diagnostic> diagnostics) { return diagnostics.stream().filter(Diagnostic::isError).count(); }

    static String counts(List<Diagnostic> diagnostics) {
        long errors = errors(diagnostics);
        long warnings = diagnostics.size() - errors;
        return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    /** {@code {"valid": …, "errors": n, "warnings": n, "diagnostics": [{file, line, column, endLine, endColumn, severity, message}]}}. */
    static String json(List<Diagnostic> diagnostics, List<String> files) {
        long errors = errors(diagnostics);
        return JsonReport.of(g -> {
            g.writeStartObject();
            g.writeBooleanField("valid", errors == 0);
            g.writeNumberField("errors", errors);
            g.writeNumberField("warnings", diagnostics.size() - errors);
            g.writeArrayFieldStart("files");
            for (String f : files) g.writeString(f);
            g.writeEndArray();
            g.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : diagnostics) {
                Span s = d.span();
                g.writeStartObject();
                g.writeStringField("file", s.path());
                g.writeNumberField("line", s.line());
                g.writeNumberField("column", s.column());
                g.writeNumberField("endLine", s.file().lineOf(s.end()));
                g.writeNumberField("endColumn", s.file().columnOf(s.end()));
                g.writeStringField("severity", d.severity().label());
                g.writeStringField("message", d.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
