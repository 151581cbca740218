package dev.dbtool.cli;

import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;

/** A valid schema read from disk, or a {@link UserError} after its diagnostics were printed. */
record LoadedProject(Path schemaPath, List<SourceFile> sources, LoadedSchema loaded) {
    static LoadedProject load(SchemaOption option, Environment env) {
        Path path = option.resolve(env);
        List<SourceFile> sources = SchemaReading.read(path, env);
        return check(path, sources, env);
    }

    static LoadedProject check(Path path, List<SourceFile> sources, Environment env) {
        LoadedSchema loaded = SchemaLoader.load(sources);
        if (loaded.hasErrors()) {
            DiagnosticsReport.text(loaded.diagnostics(), env);
            throw new UserError(ExitCodes.FINDINGS, "the schema has errors (" + DiagnosticsReport.counts(loaded.diagnostics())
                    + "); fix them first (`dbtool validate`)");
        }
        return new LoadedProject(path, sources, loaded);
    }
}
