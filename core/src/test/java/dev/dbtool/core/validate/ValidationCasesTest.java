package dev.dbtool.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtool.core.diagnostics.Diagnostic;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Data-driven validation cases, in the style of Prisma's own suite: every file under {@code validation/} is a
 * schema that ends with its expected diagnostics as {@code // expect: line:col: severity: message} comments
 * (none for a valid schema). Run with {@code -Ddbtool.rewrite=true} to rewrite the expectations from the
 * current output; review the diff before committing.
 */
class ValidationCasesTest {
    static final Path DIR = Path.of("src/test/resources/validation");
    static final String MARK = "// expect: ";

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        boolean rewrite = Boolean.getBoolean("dbtool.rewrite");
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".prisma")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p, rewrite)));
        }
    }

    private static void check(Path file, boolean rewrite) throws IOException {
        String text = Files.readString(file);
        List<String> expected = new ArrayList<>();
        StringBuilder schema = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(MARK)) expected.add(line.substring(MARK.length()));
            else schema.append(line).append('\n');
        }
        String body = schema.toString().replaceAll("\n+$", "\n");
        LoadedSchema loaded = SchemaLoader.load(file.getFileName().toString(), body);
        List<String> actual = new ArrayList<>();
        for (Diagnostic d : loaded.diagnostics()) {
            actual.add(d.span().line() + ":" + d.span().column() + ": " + d.severity().label() + ": " + d.message());
        }
        if (rewrite) {
            StringBuilder out = new StringBuilder(body);
            for (String a : actual) out.append(MARK).append(a).append('\n');
            Files.writeString(file, out.toString());
            return;
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), file.toString());
    }
}
