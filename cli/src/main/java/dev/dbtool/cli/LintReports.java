package dev.dbtool.cli;

import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintRule;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.Linter;
import java.util.List;

/** Lint findings as text (clickable lines with why and fix), JSON, or SARIF 2.1.0 for code scanning. */
final class LintReports {
    private LintReports() {}

    static void text(List<Finding> findings, Environment env) {
        for (Finding f : findings) {
            env.out().println(f.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity().label() + ": [" + f.rule() + "] " + f.message());
            env.out().println("    why: " + f.why());
            env.out().println("    fix: " + f.fix());
        }
        long errors = findings.stream().filter(f -> f.severity() == LintSeverity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == LintSeverity.WARNING).count();
        long infos = findings.size() - errors - warnings;
        env.err().println((errors > 0 ? "✘ " : "✔ ") + errors + " errors, " + warnings + " warnings, " + infos + " infos. Rules: docs/lint/<rule>.md");
    }

    static String json(List<Finding> findings) {
        return JsonReport.of(g -> {
            g.writeStartObject();
            g.writeNumberField("errors", findings.stream().filter(f -> f.severity() == LintSeverity.ERROR).count());
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("message", f.message());
                g.writeStringField("why", f.why());
                g.writeStringField("fix", f.fix());
                g.writeStringField("file", f.file());
                g.writeNumberField("line", f.line());
                g.writeNumberField("column", f.column());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String sarif(List<Finding> findings, String version) {
        List<LintRule> rules = Linter.rules();
        List<String> ids = rules.stream().map(LintRule::id).toList();
        return JsonReport.of(g -> {
            g.writeStartObject();
            g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "dbtool");
            g.writeStringField("semanticVersion", version);
            g.writeArrayFieldStart("rules");
            for (LintRule r : rules) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", r.summary());
                g.writeEndObject();
                g.writeObjectFieldStart("help");
                g.writeStringField("text", "See docs/lint/" + r.id() + ".md");
                g.writeEndObject();
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", r.defaultSeverity().sarifLevel());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("ruleId", f.rule());
                g.writeNumberField("ruleIndex", ids.indexOf(f.rule()));
                g.writeStringField("level", f.severity().sarifLevel());
                g.writeObjectFieldStart("message");
                g.writeStringField("text", f.message() + " " + f.why() + " Fix: " + f.fix());
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeObjectFieldStart("physicalLocation");
                g.writeObjectFieldStart("artifactLocation");
                g.writeStringField("uri", f.file().replace('\\', '/'));
                g.writeEndObject();
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", f.line());
                g.writeNumberField("startColumn", f.column());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
