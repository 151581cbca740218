package dev.dbtool.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code .dbtool/dev/} beside the schema: the compiled classes of each build, removed when no longer served. */
final class DevWorkFolder {
    private DevWorkFolder() {}

    static Path of(Path schemaDir) throws IOException {
        Path dir = schemaDir.resolve(".dbtool").resolve("dev");
        delete(dir);
        return Files.createDirectories(dir);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a left-over folder under .dbtool/dev is harmless and cleared on the next start
        }
    }
}
