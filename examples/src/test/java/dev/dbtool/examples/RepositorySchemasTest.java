package dev.dbtool.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.core.format.FileFormatter;
import dev.dbtool.core.format.FormattedFile;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every schema in the repository formats idempotently; the examples are valid and already formatted. */
class RepositorySchemasTest {
    static final Path ROOT = Paths.ROOT;

    static List<Path> schemas() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".prisma") || p.toString().endsWith(".dbtool"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/") && !p.toString().contains("/bench/out/"))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> formatRoundTripOnEverySchema() throws IOException {
        List<Path> all = schemas();
        assertTrue(all.size() > 100, "the repository's schemas were found: " + all.size());
        return all.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> {
            FormattedFile once = FileFormatter.format(new SourceFile(p.toString(), Files.readString(p)));
            if (!once.formattable()) return; // syntax-error cases: nothing to format, by design
            FormattedFile twice = FileFormatter.format(new SourceFile(p.toString(), once.formatted()));
            assertEquals(once.formatted(), twice.formatted(), "format(format(x)) == format(x)");
            LoadedSchema before = SchemaLoader.load(p.toString(), once.original());
            LoadedSchema after = SchemaLoader.load(p.toString(), once.formatted());
            assertEquals(before.hasErrors(), after.hasErrors(), "formatting does not change validity");
            assertEquals(before.schema().models().size(), after.schema().models().size());
        }));
    }

    @Test
    void blogExampleIsValidAndFormatted() throws IOException {
        Path blog = ROOT.resolve("examples/blog/schema.prisma");
        LoadedSchema l = SchemaLoader.load(blog);
        assertTrue(l.diagnostics().isEmpty(), () -> l.diagnostics().toString());
        assertFalse(FileFormatter.format(SchemaLoader.read(blog)).changed(), "examples/blog/schema.prisma is formatted");
    }
}
