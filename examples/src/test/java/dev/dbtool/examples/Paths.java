package dev.dbtool.examples;

import java.nio.file.Path;

/** Where the repository and the blog example are, seen from the examples module's working directory. */
public final class Paths {
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path BLOG = ROOT.resolve("examples/blog");

    private Paths() {}
}
