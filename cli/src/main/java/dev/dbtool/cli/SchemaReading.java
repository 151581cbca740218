package dev.dbtool.cli;

import dev.dbtool.core.load.SchemaFiles;
import dev.dbtool.core.source.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the schema's files as UTF-8, turning IO problems into one-line errors. */
final class SchemaReading {
    private SchemaReading() {}

    static List<SourceFile> read(Path schema, Environment env) {
        List<Path> files;
        try {
            files = SchemaFiles.list(schema);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot read " + env.display(schema) + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new UserError(ExitCodes.USAGE, "the folder " + env.display(schema) + " has no .prisma or .dbtool files");
        List<SourceFile> out = new ArrayList<>();
        for (Path p : files) {
            String shown = env.display(p);
            try {
                byte[] bytes = Files.readAllBytes(p);
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                out.add(new SourceFile(shown, text));
            } catch (CharacterCodingException e) {
                throw new UserError(ExitCodes.FINDINGS, shown + ":1:1: error: the file is not valid UTF-8");
            } catch (IOException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, "cannot read " + shown + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
