package dev.dbtool.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.SystemReader;

/** The changeset author when the generator block names none: git's {@code user.name}, else {@code $USER}, else "dbtool". */
final class GitAuthor {
    private GitAuthor() {}

    static String find(Path directory, java.util.Map<String, String> env) {
        try {
            FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(directory.toAbsolutePath().toFile());
            if (b.getGitDir() != null) {
                try (Repository repo = b.build()) {
                    String name = repo.getConfig().getString("user", null, "name");
                    if (name != null && !name.isBlank()) return name;
                }
            }
            String name = SystemReader.getInstance().getUserConfig().getString("user", null, "name");
            if (name != null && !name.isBlank()) return name;
        } catch (IOException | org.eclipse.jgit.errors.ConfigInvalidException | RuntimeException e) {
            // no readable git configuration: fall back below
        }
        String user = env.get("USER");
        return user != null && !user.isBlank() ? user : "dbtool";
    }
}
