package dev.dbtool.cli;

import dev.dbtool.core.load.SchemaLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.dbtool.generators.api.JavaSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init",
        description = "Write a starter schema (datasource, generator block, one model). Never overwrites a schema. With --api, also a Maven "
                + "project beside it (pom.xml pinning what the generated API needs and building one runnable jar, README.md, .gitignore); "
                + "existing files are kept.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 written, 1 everything already exists (a schema, and with --api its build files), 3 cannot write.", "",
            "Examples:",
            "  dbtool init",
            "  dbtool init --api                 # then: dbtool dev   (or dbtool migrate, gql-type --all, mvn -q package)",
            "  dbtool init --schema db/schema.prisma"})
final class InitCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Option(names = "--schema", paramLabel = "PATH", defaultValue = "schema.prisma",
            description = "Where to write the schema. Default: ${DEFAULT-VALUE}.")
    String schema;

    @Option(names = "--api", description = "Also write a runnable Maven project beside the schema (pom.xml, README.md, .gitignore); "
            + "an existing schema is kept and used.")
    boolean api;

    @Override
    public Integer call() {
        Environment env = root.environment;
        Path target = env.resolve(schema);
        Path existing = Files.exists(target) ? target
                : schema.equals("schema.prisma") ? SchemaLocator.locate(env.workingDirectory(), null).orElse(null) : null;
        if (existing != null && !api) {
            throw new UserError(ExitCodes.FINDINGS, (existing.equals(target) ? env.display(target) + " already exists"
                    : "a schema already exists at " + env.display(existing)) + "; dbtool init never overwrites a schema");
        }
        boolean wroteSchema = false;
        if (existing == null) {
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.writeString(target, StarterSchema.text(), java.nio.file.StandardOpenOption.CREATE_NEW);
                wroteSchema = true;
                env.out().println("created " + env.display(target));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new UserError(ExitCodes.FINDINGS, env.display(target) + " already exists; dbtool init never overwrites a schema");
            } catch (IOException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot write " + env.display(target) + ": " + e.getMessage(), e);
            }
        } else {
            env.err().println("kept " + env.display(existing) + " (dbtool init never overwrites a schema)");
        }
        if (!api) {
            env.err().println("Next: set DATABASE_URL (or use the embedded database), edit the model, then run `dbtool validate`.");
            return ExitCodes.OK;
        }
        Path schemaFile = existing != null ? existing : target;
        SchemaOption option = new SchemaOption();
        option.schema = schemaFile.toString();
        LoadedProject project = LoadedProject.load(option, env);
        JavaSettings settings;
        try {
            settings = JavaSettings.from(project.loaded().schema());
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.FINDINGS, env.display(schemaFile) + ": " + e.getMessage());
        }
        Path dir = Files.isDirectory(schemaFile) ? schemaFile : schemaFile.toAbsolutePath().getParent();
        List<Path> written = ApiProject.write(dir, schemaFile.toAbsolutePath(), settings, env);
        for (Path p : written) env.out().println("created " + env.display(p));
        if (!wroteSchema && written.isEmpty()) {
            throw new UserError(ExitCodes.FINDINGS, "nothing to write: the schema and the project's build files already exist");
        }
        env.err().println("Next: `dbtool dev` serves the API with a GraphiQL page and reloads on every change; or `dbtool schema`, `dbtool migrate`, "
                + "`dbtool gql-type --all --crud`, then `mvn -q package && java -jar target/" + ApiProject.artifactId(dir) + ".jar` with DATABASE_URL set.");
        return ExitCodes.OK;
    }
}
