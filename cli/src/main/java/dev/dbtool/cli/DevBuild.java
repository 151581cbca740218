package dev.dbtool.cli;

import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.api.JavaSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of {@code dbtool dev}: the commands a user would run — {@code schema} (a changeset for what changed),
 * {@code migrate}, {@code gql-type} (every model with its root fields the first time) — then the Java compiled in
 * process and the API started. Each step's output goes to the terminal as the command would print it and is kept for
 * the page when the step fails; a failed pass leaves the previous API serving.
 */
final class DevBuild {
    /** What a pass came to: the started API and the folder of its classes, or the step that failed and what it said. */
    record Outcome(DevApi api, Path classes, String failedStep, String message) {
        boolean ok() { return api != null; }
    }

    private final Environment env;
    private final Path schema;
    private final String jdbcUrl;
    private final boolean acceptDataLoss;
    private final Path work;
    private int attempts;

    DevBuild(Environment env, Path schema, String jdbcUrl, boolean acceptDataLoss, Path work) {
        this.env = env;
        this.schema = schema;
        this.jdbcUrl = jdbcUrl;
        this.acceptDataLoss = acceptDataLoss;
        this.work = work;
    }

    Outcome run() {
        StringWriter said = new StringWriter();
        Environment teed = new Environment(env.workingDirectory(), env.variables(), tee(env.out(), said), tee(env.err(), said), env.terminal());
        String schemaArg = schema.toString();
        List<String> schemaStep = new ArrayList<>(List.of("schema", "--schema", schemaArg));
        if (acceptDataLoss) schemaStep.add("--accept-data-loss");
        if (Main.run(teed, schemaStep.toArray(String[]::new)) != ExitCodes.OK) return failed("schema", said);
        if (Main.run(teed, "migrate", "--schema", schemaArg, "--url", jdbcUrl) != ExitCodes.OK) return failed("migrate", said);
        LoadedProject project;
        JavaSettings settings;
        try {
            SchemaOption option = new SchemaOption();
            option.schema = schemaArg;
            project = LoadedProject.load(option, teed);
            settings = JavaSettings.from(project.loaded().schema());
        } catch (UserError | IllegalArgumentException e) {
            teed.err().println("error: " + e.getMessage());
            return failed("schema", said);
        }
        Path base = Files.isDirectory(schema) ? schema : schema.toAbsolutePath().getParent();
        boolean firstTime = !Files.exists(base.resolve(ApiSelection.FILE_NAME));
        String[] generate = firstTime ? new String[] {"gql-type", "--schema", schemaArg, "--all", "--crud"} : new String[] {"gql-type", "--schema", schemaArg};
        if (Main.run(teed, generate) != ExitCodes.OK) return failed("gql-type", said);
        Path classes = work.resolve("classes-" + (++attempts));
        try {
            long t0 = System.nanoTime();
            DevCompiler.Result compiled = DevCompiler.compile(base.resolve(settings.output()).normalize(), classes);
            if (!compiled.ok()) {
                teed.err().println(compiled.errors());
                return failed("compile", said);
            }
            teed.err().printf("compiled %d files in %.1f s%n", compiled.files(), (System.nanoTime() - t0) / 1e9);
            return new Outcome(DevApi.start(classes, settings.generatedPackage(), jdbcUrl), classes, null, null);
        } catch (IOException e) {
            teed.err().println("error: " + e.getMessage());
            return failed("start", said);
        } finally {
            teed.out().flush();
            teed.err().flush();
        }
    }

    /** Removes the classes folders of every pass but the one serving. */
    void removeClassesBut(Path serving) {
        for (int n = 1; n <= attempts; n++) if (!work.resolve("classes-" + n).equals(serving)) DevWorkFolder.delete(work.resolve("classes-" + n));
    }

    private static Outcome failed(String step, StringWriter said) {
        return new Outcome(null, null, step, said.toString().strip());
    }

    private static PrintWriter tee(PrintWriter terminal, StringWriter copy) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                terminal.write(buf, off, len);
                copy.write(buf, off, len);
            }

            @Override
            public void flush() { terminal.flush(); }

            @Override
            public void close() { flush(); }
        }, true);
    }
}
