package dev.dbtool.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling and a rename, so an interrupted write never leaves half a file, a failed
 * one leaves no temporary file behind, and a directory is never replaced by a file.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** What writes the content; it may fail, and then the target is left as it was. */
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    static void write(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    static void write(Path target, Content content) throws IOException {
        if (Files.isDirectory(target)) throw new FileSystemException(target.toString(), null, "is a directory; name a file");
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
