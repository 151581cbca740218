package dev.dbtool.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbtool.core.diagnostics.Diagnostics;
import dev.dbtool.core.parser.SchemaParser;
import dev.dbtool.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code NAME.input.prisma} under {@code format/} formats to {@code NAME.expected.prisma}, which is what
 * {@code prisma format} (Prisma 6.19, via ../shared/tools/prisma-oracle) printed for the same input.
 */
class PrismaFormatConformanceTest {
    static final Path DIR = Path.of("src/test/resources/format");

    @TestFactory
    Stream<DynamicTest> formatsLikePrisma() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".input.prisma")).sorted().toList().stream()
                    .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
                        String expected = Files.readString(Path.of(input.toString().replace(".input.", ".expected.")));
                        String once = format(input.toString(), Files.readString(input));
                        assertEquals(expected, once);
                        assertEquals(once, format(input.toString(), once), "format is idempotent");
                    }));
        }
    }

    static String format(String path, String text) {
        Diagnostics d = new Diagnostics();
        var ast = SchemaParser.parse(new SourceFile(path, text), d);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        return SchemaFormatter.format(ast);
    }
}
