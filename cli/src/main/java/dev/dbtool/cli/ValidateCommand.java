package dev.dbtool.cli;

import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate",
        description = "Check the schema and report every error and warning (file:line:col).",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 valid (warnings allowed), 1 errors found, 2 usage, 3 unreadable files.", "",
            "Examples:",
            "  dbtool validate",
            "  dbtool validate --schema prisma/schema --format json"})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Report format: text (on stderr) or json (on stdout). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Override
    public Integer call() {
        Environment env = root.environment;
        Path schema = schemaOption.resolve(env);
        List<SourceFile> sources = SchemaReading.read(schema, env);
        LoadedSchema loaded = SchemaLoader.load(sources);
        if (format == OutputFormat.json) {
            env.out().print(DiagnosticsReport.json(loaded.diagnostics(), sources.stream().map(SourceFile::path).toList()));
        } else {
            DiagnosticsReport.text(loaded.diagnostics(), env);
            if (loaded.hasErrors()) {
                env.err().println("✘ " + env.display(schema) + ": " + DiagnosticsReport.counts(loaded.diagnostics()));
            } else {
                var s = loaded.schema();
                env.err().println("✔ " + env.display(schema) + " is valid: " + s.models().size() + " models, " + s.enums().size()
                        + " enums, " + s.jobs().size() + " jobs" + (loaded.diagnostics().isEmpty() ? "" : "; " + DiagnosticsReport.counts(loaded.diagnostics())));
            }
        }
        return loaded.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
