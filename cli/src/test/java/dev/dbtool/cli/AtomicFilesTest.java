package dev.dbtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("seed.sql");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, w -> {
            w.write("half of the new content");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no .tmp file left");
        }
    }

    @Test
    void aDirectoryIsNeverReplaced() throws Exception {
        Path target = Files.createDirectory(dir.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, "text"));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void passwordsAreTakenOutOfMessages() {
        assertEquals("Unknown options: '--uri', 'postgresql://u:***@db:5432/app'", Redaction.of("Unknown options: '--uri', 'postgresql://u:secret@db:5432/app'"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true", Redaction.of("jdbc:postgresql://h/db?user=u&password=s3cr%40t&ssl=true"));
        assertEquals("redis://:***@cache:6379", Redaction.of("redis://:hunter2@cache:6379"));
        assertEquals("postgresql://u@db/app", Redaction.of("postgresql://u@db/app"));
    }
}
