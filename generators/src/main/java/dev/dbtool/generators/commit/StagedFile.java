package dev.dbtool.generators.commit;

/** A staged path with its text before (HEAD) and after (the index); null when the file is added or deleted, or binary. */
public record StagedFile(String path, Change change, String before, String after) {
    public enum Change { ADD, MODIFY, DELETE, RENAME, COPY }
}
