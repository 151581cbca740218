package dev.dbtool.core.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a schema: the file itself, or every {@code .prisma}/{@code .dbtool} file under a folder, sorted. */
public final class SchemaFiles {
    private SchemaFiles() {}

    public static List<Path> list(Path schema) throws IOException {
        if (!Files.isDirectory(schema)) return List.of(schema);
        try (Stream<Path> walk = Files.walk(schema)) {
            // Hidden folders (.git, dbtool's own .dbtool with the development database) hold no schema.
            return walk.filter(p -> !hidden(schema.relativize(p))).filter(Files::isRegularFile).filter(SchemaFiles::isSchemaFile).sorted().toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    public static boolean isSchemaFile(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".prisma") || n.endsWith(".dbtool");
    }
}
