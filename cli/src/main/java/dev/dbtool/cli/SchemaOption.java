package dev.dbtool.cli;

import dev.dbtool.core.load.SchemaLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --schema PATH}, shared by every command that reads the schema (DESIGN.md §4). */
public final class SchemaOption {
    @Option(names = "--schema", paramLabel = "PATH",
            description = "Schema file or folder of .prisma/.dbtool files. Default: $DBTOOL_SCHEMA, then ./schema.prisma, "
                    + "./schema.dbtool, ./prisma/schema.prisma, ./prisma/schema/.")
    String schema;

    /** The schema to read; a clear usage error when there is none. */
    public Path resolve(Environment env) {
        if (schema != null) {
            Path p = env.resolve(schema);
            if (!Files.exists(p)) throw new UserError(ExitCodes.USAGE, "schema not found: " + schema);
            return p;
        }
        return SchemaLocator.locate(env.workingDirectory(), env.variables().get("DBTOOL_SCHEMA"))
                .map(p -> {
                    if (!Files.exists(p)) throw new UserError(ExitCodes.USAGE, "schema not found: " + p + " (from DBTOOL_SCHEMA)");
                    return p;
                })
                .orElseThrow(() -> new UserError(ExitCodes.USAGE, "no schema found: looked for "
                        + String.join(", ", SchemaLocator.CANDIDATES) + " in " + env.workingDirectory()
                        + ". Pass --schema PATH, or run `dbtool init` to create one."));
    }
}
