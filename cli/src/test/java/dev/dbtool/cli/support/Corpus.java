package dev.dbtool.cli.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world Prisma schemas of {@code shared/corpus} (each folder: {@code schema.prisma}, Prisma's own DDL
 * {@code expected.sql} and {@code prisma format} output {@code expected.formatted.prisma}). They are read in place, never
 * copied: they keep their own licenses. Found through {@code DBTOOL_CORPUS}, else as {@code shared/corpus} beside an
 * ancestor of the working directory (the checkout sits next to {@code shared/}).
 */
public final class Corpus {
    private Corpus() {}

    /** The corpus folder, or null when this machine has none. */
    public static Path root() {
        String env = System.getenv("DBTOOL_CORPUS");
        if (env != null && !env.isBlank()) return Files.isDirectory(Path.of(env)) ? Path.of(env) : null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/corpus");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }

    /** Every schema folder, sorted by name. */
    public static List<Path> schemas() throws IOException {
        Path root = root();
        if (root == null) return List.of();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("schema.prisma"))).sorted().toList();
        }
    }

    public static String whyMissing() {
        return "no shared/corpus beside the checkout (set DBTOOL_CORPUS to the folder of real-world schemas)";
    }
}
