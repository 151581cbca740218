package dev.dbtool.core.load;

import dev.dbtool.core.ast.SchemaAst;
import dev.dbtool.core.ast.SchemaFile;
import dev.dbtool.core.diagnostics.Diagnostics;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.parser.SchemaParser;
import dev.dbtool.core.source.SourceFile;
import dev.dbtool.core.validate.SchemaValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Text → syntax tree → model, with all diagnostics. The only place core reads files. */
public final class SchemaLoader {
    private SchemaLoader() {}

    /** Parses and validates sources already in memory (tests, stdin, the formatter's round trip). */
    public static LoadedSchema load(List<SourceFile> sources) {
        Diagnostics diagnostics = new Diagnostics();
        List<SchemaFile> files = new ArrayList<>();
        for (SourceFile s : sources) files.add(SchemaParser.parse(s, diagnostics));
        SchemaAst ast = new SchemaAst(List.copyOf(files));
        Schema schema = SchemaValidator.validate(ast, diagnostics);
        return new LoadedSchema(ast, schema, diagnostics.sorted());
    }

    public static LoadedSchema load(String path, String text) { return load(List.of(new SourceFile(path, text))); }

    /** Reads a file or a folder of schema files; paths in diagnostics are as given (relative stays relative). */
    public static LoadedSchema load(Path schema) throws IOException {
        List<SourceFile> sources = new ArrayList<>();
        for (Path p : SchemaFiles.list(schema)) sources.add(read(p));
        return load(sources);
    }

    public static SourceFile read(Path p) throws IOException {
        return new SourceFile(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    }
}
