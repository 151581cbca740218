package dev.dbtool.core.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the schema when no {@code --schema} is given, the way Prisma does, in this order:
 * {@code $DBTOOL_SCHEMA}, {@code ./schema.prisma}, {@code ./schema.dbtool}, {@code ./prisma/schema.prisma},
 * {@code ./prisma/schema/} (a folder of files).
 */
public final class SchemaLocator {
    public static final List<String> CANDIDATES = List.of("schema.prisma", "schema.dbtool", "prisma/schema.prisma", "prisma/schema");

    private SchemaLocator() {}

    public static Optional<Path> locate(Path workingDirectory, String envOverride) {
        if (envOverride != null && !envOverride.isBlank()) return Optional.of(workingDirectory.resolve(envOverride));
        for (String c : CANDIDATES) {
            Path p = workingDirectory.resolve(c);
            if (c.endsWith("schema") ? Files.isDirectory(p) : Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
