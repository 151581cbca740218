package dev.dbtool.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch outside its arguments: the working directory, the environment variables and the two
 * output streams. Passed in (not read from globals) so commands run the same in tests and in a real process.
 */
public record Environment(Path workingDirectory, Map<String, String> variables, PrintWriter out, PrintWriter err, boolean terminal) {

    /** Colour only on a terminal, never when NO_COLOR is set (https://no-color.org) or TERM=dumb. */
    public boolean colour() {
        return terminal && !variables.containsKey("NO_COLOR") && !"dumb".equals(variables.get("TERM"));
    }

    /** CI (or a pipe): no progress bars, no prompts. */
    public boolean ci() { return !terminal || variables.containsKey("CI"); }

    public Path resolve(String path) { return workingDirectory.resolve(path).normalize(); }

    /** How a path is shown: relative to the working directory when below it, so messages stay short and clickable. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
