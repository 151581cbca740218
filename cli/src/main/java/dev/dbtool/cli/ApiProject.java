package dev.dbtool.cli;

import dev.dbtool.generators.api.JavaSettings;
import dev.dbtool.generators.java.GeneratedFile;
import dev.dbtool.generators.project.Dependency;
import dev.dbtool.generators.project.PomDependencies;
import dev.dbtool.generators.project.ProjectDependencies;
import dev.dbtool.generators.project.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The build files of a runnable API project beside the schema ({@code init --api}), and the check {@code gql-type}
 * makes of an existing build file: which dependencies the generated code needs that it does not declare.
 */
final class ApiProject {
    static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");

    private ApiProject() {}

    /** The project's artifact id (and jar name), from its folder's name. */
    static String artifactId(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return ProjectFiles.artifactId(name == null ? "app" : name.toString());
    }

    /** Writes pom.xml, README.md and .gitignore into {@code dir} where absent; returns the files written. */
    static List<Path> write(Path dir, Path schemaFile, JavaSettings settings, Environment env) {
        ProjectFiles.Project p = new ProjectFiles.Project(settings.basePackage(), artifactId(dir), settings.generatedPackage() + ".ApiServer",
                dir.relativize(schemaFile).toString().replace('\\', '/'), settings.output());
        List<Path> written = new ArrayList<>();
        for (String build : BUILD_FILES) {
            if (Files.exists(dir.resolve(build))) {
                env.err().println("kept " + env.display(dir.resolve(build)) + " (never overwritten); `dbtool gql-type` says which dependencies the generated code needs that it lacks");
                return written;
            }
        }
        writeNew(dir.resolve("pom.xml"), ProjectFiles.pom(p), written, env);
        writeNew(dir.resolve("README.md"), ProjectFiles.readme(p), written, env);
        writeNew(dir.resolve(".gitignore"), ProjectFiles.gitignore(p), written, env);
        return written;
    }

    private static void writeNew(Path file, String text, List<Path> written, Environment env) {
        if (Files.exists(file)) {
            env.err().println("kept " + env.display(file) + " (never overwritten)");
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE_NEW);
            written.add(file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            env.err().println("kept " + env.display(file) + " (never overwritten)");
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write " + env.display(file) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The build file of the project the generated sources go to: the nearest pom.xml or build.gradle(.kts) from the
     * output folder up, no higher than the repository's root (the folder with {@code .git}); null when there is none.
     */
    static Path buildFile(Path output) {
        for (Path d = output.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            for (String build : BUILD_FILES) if (Files.isRegularFile(d.resolve(build))) return d.resolve(build);
            if (Files.exists(d.resolve(".git"))) break;
        }
        return null;
    }

    private static boolean gradle(Path build) { return !build.getFileName().toString().equals("pom.xml"); }

    /** Says which dependencies the generated files need that the project's pom does not declare (a Gradle file is checked by name). */
    static void checkDependencies(Path output, Collection<GeneratedFile> files, Environment env) {
        Path build = buildFile(output);
        List<Dependency> needed = ProjectDependencies.neededBy(files);
        if (build == null) {
            env.err().println("note: no pom.xml or build.gradle above " + env.display(output) + "; `dbtool init --api` writes a pom that builds and runs the API");
            return;
        }
        List<Dependency> missing;
        try {
            String text = Files.readString(build);
            missing = !gradle(build) ? PomDependencies.missing(text, needed)
                    : needed.stream().filter(d -> !text.contains(d.key())).toList();
        } catch (IOException e) {
            env.err().println("note: cannot read " + env.display(build) + " to check its dependencies: " + e.getMessage());
            return;
        }
        if (missing.isEmpty()) return;
        env.err().println("warning: " + env.display(build) + " lacks " + missing.size() + " dependenc" + (missing.size() == 1 ? "y" : "ies")
                + " the generated code needs:");
        boolean gradle = gradle(build);
        for (Dependency d : missing) env.err().println("  " + (gradle ? "implementation(\"" + d.key() + (d.version() == null ? "" : ":" + d.version()) + "\")" : d.xml()));
    }
}
