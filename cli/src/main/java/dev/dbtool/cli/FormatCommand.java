package dev.dbtool.cli;

import dev.dbtool.core.format.FileFormatter;
import dev.dbtool.core.format.FormattedFile;
import dev.dbtool.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "format",
        description = "Rewrite the schema in canonical form: aligned columns, block attributes last, comments kept. For plain Prisma schemas the result is what `prisma format` prints. Files with syntax errors are left as they are.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 formatted (or already formatted), 1 --check found files to format or syntax errors, 2 usage, "
                + "3 unwritable files.", "",
            "Examples:",
            "  dbtool format",
            "  dbtool format --check          # in CI: list files that need formatting, change nothing"})
final class FormatCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Option(names = "--check", description = "Change nothing; exit 1 and list the files that would change.")
    boolean check;

    @Override
    public Integer call() {
        Environment env = root.environment;
        Path schema = schemaOption.resolve(env);
        List<SourceFile> sources = SchemaReading.read(schema, env);
        List<FormattedFile> results = new ArrayList<>();
        boolean syntaxErrors = false;
        for (SourceFile s : sources) {
            FormattedFile f = FileFormatter.format(s);
            results.add(f);
            if (!f.formattable()) {
                syntaxErrors = true;
                DiagnosticsReport.text(f.syntaxErrors(), env);
            }
        }
        List<FormattedFile> changed = results.stream().filter(FormattedFile::changed).toList();
        if (check) {
            for (FormattedFile f : changed) env.out().println(f.path());
            if (!changed.isEmpty()) env.err().println(changed.size() + (changed.size() == 1 ? " file needs" : " files need")
                    + " formatting; run `dbtool format`.");
            return changed.isEmpty() && !syntaxErrors ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
        for (FormattedFile f : changed) {
            Path target = env.resolve(f.path());
            try {
                AtomicFiles.write(target, f.formatted());
            } catch (IOException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot write " + f.path() + ": " + e.getMessage(), e);
            }
            env.out().println("formatted " + f.path());
        }
        if (changed.isEmpty() && !syntaxErrors) env.err().println("✔ already formatted: " + env.display(schema));
        if (syntaxErrors) env.err().println("✘ files with syntax errors were not formatted");
        return syntaxErrors ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
