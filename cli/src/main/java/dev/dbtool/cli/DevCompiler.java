package dev.dbtool.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * {@code dbtool dev}'s in-process build of the project's Java sources (generated and the user's scaffolds) with the
 * JDK's compiler, against dbtool's own classpath, which carries the runtime's libraries.
 */
final class DevCompiler {
    /** {@code errors}: one {@code file:line:col: error: message} per line, empty when it compiled. */
    record Result(boolean ok, String errors, int files) {}

    private DevCompiler() {}

    static Result compile(Path sourceRoot, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UserError(ExitCodes.ENVIRONMENT, "dbtool dev compiles the generated API in-process and needs a JDK, not a JRE (" + System.getProperty("java.home") + ")");
        }
        List<Path> sources;
        try (Stream<Path> s = Files.walk(sourceRoot)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, java.nio.charset.StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "--release", "17", "-proc:none", "-Xlint:none", "-encoding", "UTF-8"), null, files.getJavaFileObjectsFromPaths(sources)).call();
            String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> (d.getSource() == null ? "" : sourceRoot.relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": ")
                            + "error: " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            return new Result(ok, errors, sources.size());
        }
    }
}
