package dev.dbtool.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What {@code dbtool dev} watches, as a fingerprint (path → modified time and size) compared every poll: the schema
 * files, {@code dbtool-api.json}, and the Java sources except the generated package (which each build rewrites).
 * Polling rather than a WatchService: it sees edits on every file system, containers' bind mounts included.
 */
final class DevWatch {
    private final Path schema;
    private final Path selection;
    private final Path sources;
    private final Path generated;

    DevWatch(Path schema, Path selection, Path sources, Path generated) {
        this.schema = schema;
        this.selection = selection;
        this.sources = sources;
        this.generated = generated;
    }

    Map<Path, String> fingerprint() {
        Map<Path, String> out = new TreeMap<>();
        add(schema, out);
        add(selection, out);
        add(sources, out);
        return out;
    }

    private void add(Path root, Map<Path, String> out) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.startsWith(generated) && !p.toString().contains(java.io.File.separator + ".dbtool" + java.io.File.separator) && (Files.isRegularFile(p))).forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    out.put(p, a.lastModifiedTime().toMillis() + ":" + a.size());
                } catch (IOException e) {
                    out.put(p, "gone");
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            out.put(root, "unreadable");
        }
    }
}
