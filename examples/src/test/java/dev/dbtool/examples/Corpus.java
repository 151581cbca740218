package dev.dbtool.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world schemas of {@code shared/corpus}, read in place ({@code DBTOOL_CORPUS}, else {@code shared/corpus}
 * beside an ancestor of the working directory), as the cli module's conformance tests find them.
 */
final class Corpus {
    private Corpus() {}

    static Path root() {
        String env = System.getenv("DBTOOL_CORPUS");
        if (env != null && !env.isBlank()) return Files.isDirectory(Path.of(env)) ? Path.of(env) : null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/corpus"))) return p.resolve("shared/corpus");
        }
        return null;
    }

    static List<Path> schemas() throws IOException {
        Path root = root();
        if (root == null) return List.of();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("schema.prisma")) && Files.isRegularFile(d.resolve("expected.sql"))).sorted().toList();
        }
    }

    static String whyMissing() { return "no shared/corpus beside the checkout (set DBTOOL_CORPUS to the folder of real-world schemas)"; }
}
