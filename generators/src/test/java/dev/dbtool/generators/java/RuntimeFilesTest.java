package dev.dbtool.generators.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every source of the runtime module is copied into generated projects: none is forgotten, none listed twice. */
class RuntimeFilesTest {
    @Test
    void everyRuntimeSourceBelongsToExactlyOneGroup() throws IOException {
        TreeSet<String> sources = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("../runtime/src/main/java/dev/dbtool/runtime"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")).forEach(n -> sources.add(n.substring(0, n.length() - 5)));
        }
        List<String> listed = new ArrayList<>(RuntimeFiles.NAMES);
        listed.addAll(RuntimeFiles.CACHE);
        listed.addAll(RuntimeFiles.QUEUE);
        listed.addAll(RuntimeFiles.REDIS);
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "listed once each");
        assertEquals(sources, new TreeSet<>(listed));
        assertEquals(listed.size(), RuntimeFiles.all("x.y", "", true, true, true).size(), "every listed source is in the jar");
    }
}
