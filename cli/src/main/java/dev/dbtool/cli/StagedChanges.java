package dev.dbtool.cli;

import dev.dbtool.generators.commit.StagedFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** The staged change (index against HEAD) read with JGit: paths, kinds, and text before and after. */
final class StagedChanges {
    private StagedChanges() {}

    static List<StagedFile> read(Git git) throws IOException, GitAPIException {
        Repository repo = git.getRepository();
        List<StagedFile> out = new ArrayList<>();
        for (DiffEntry d : git.diff().setCached(true).setShowNameAndStatusOnly(false).call()) {
            StagedFile.Change change = switch (d.getChangeType()) {
                case ADD -> StagedFile.Change.ADD;
                case DELETE -> StagedFile.Change.DELETE;
                case RENAME -> StagedFile.Change.RENAME;
                case COPY -> StagedFile.Change.COPY;
                default -> StagedFile.Change.MODIFY;
            };
            String path = change == StagedFile.Change.DELETE ? d.getOldPath() : d.getNewPath();
            out.add(new StagedFile(path, change, text(repo, d.getOldId()), text(repo, d.getNewId())));
        }
        return out;
    }

    private static String text(Repository repo, AbbreviatedObjectId id) throws IOException {
        if (id == null || !id.isComplete() || id.toObjectId().equals(ObjectId.zeroId())) return null;
        byte[] bytes = repo.open(id.toObjectId()).getCachedBytes(16 << 20);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null; // binary: nothing to read for a message
        }
    }
}
