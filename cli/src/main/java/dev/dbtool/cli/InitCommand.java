package dev.dbtool.cli;

import dev.dbtool.core.load.SchemaLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init",
        description = "Write a starter schema (datasource, generator block, one model). Never overwrites a schema.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 written, 1 a schema already exists, 3 cannot write.", "",
            "Examples:",
            "  dbtool init",
            "  dbtool init --schema db/schema.prisma"})
final class InitCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Option(names = "--schema", paramLabel = "PATH", defaultValue = "schema.prisma",
            description = "Where to write the schema. Default: ${DEFAULT-VALUE}.")
    String schema;

    @Override
    public Integer call() {
        Environment env = root.environment;
        Path target = env.resolve(schema);
        if (Files.exists(target)) {
            throw new UserError(ExitCodes.FINDINGS, env.display(target) + " already exists; dbtool init never overwrites a schema");
        }
        var existing = SchemaLocator.locate(env.workingDirectory(), null);
        if (existing.isPresent() && schema.equals("schema.prisma")) {
            throw new UserError(ExitCodes.FINDINGS, "a schema already exists at " + env.display(existing.get())
                    + "; dbtool init never overwrites a schema");
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, StarterSchema.text(), java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UserError(ExitCodes.FINDINGS, env.display(target) + " already exists; dbtool init never overwrites a schema");
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write " + env.display(target) + ": " + e.getMessage(), e);
        }
        env.out().println("created " + env.display(target));
        env.err().println("Next: set DATABASE_URL (or use the embedded database), edit the model, then run `dbtool validate`.");
        return ExitCodes.OK;
    }
}
