package dev.dbtool.core.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dbtool.core.format.FileFormatter;
import dev.dbtool.core.format.FormattedFile;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser, validator and formatter never throw and never hang, whatever the input: only diagnostics come out.
 * Also, whenever a mutant formats, its formatted text formats to itself. CI runs {@code dbtool.fuzz.count}
 * mutants (default 5,000); bench/fuzz.sh runs 100,000 and more.
 */
class MutationRobustnessTest {
    @Test
    void mutantsOnlyEverProduceDiagnostics() throws IOException {
        int count = Integer.getInteger("dbtool.fuzz.count", 5_000);
        long seed = Long.getLong("dbtool.fuzz.seed", 20261125L);
        List<String> corpus = corpus();
        SchemaMutator mutator = new SchemaMutator(seed);
        int withErrors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String original = corpus.get(i % corpus.size());
            String mutant = mutator.mutate(original);
            int index = i;
            LoadedSchema loaded = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    LoadedSchema l = SchemaLoader.load("mutant.prisma", mutant);
                    FormattedFile f = FileFormatter.format(new SourceFile("mutant.prisma", mutant));
                    if (f.formattable()) {
                        FormattedFile again = FileFormatter.format(new SourceFile("mutant.prisma", f.formatted()));
                        assertFalse(!again.formattable(), "formatted text must parse");
                        assertEquals(f.formatted(), again.formatted(), "format is idempotent on mutant " + index);
                    }
                    return l;
                } catch (AssertionError e) {
                    throw e;
                } catch (Throwable t) {
                    fail("mutant " + index + " (seed " + seed + ") threw " + t + "\n--- input ---\n" + mutant, t);
                    return null;
                }
            }, () -> "mutant " + index + " hung:\n" + mutant);
            if (loaded.hasErrors()) withErrors++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %d mutants, %d with errors, %.1f s, %.0f mutants/s%n", count, withErrors, seconds, count / seconds);
    }

    /** Every schema in the repository's test data and examples. */
    static List<String> corpus() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources"), Path.of("../examples"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(x -> x.toString().endsWith(".prisma")).sorted().toList()) out.add(Files.readString(p));
            }
        }
        return out;
    }
}
