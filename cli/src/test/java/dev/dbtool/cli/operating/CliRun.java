package dev.dbtool.cli.operating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** dbtool's command line run in-process in one project folder, as the operating tests use it. */
record CliRun(Path dir, Map<String, String> variables) {
    record Result(int code, String out, String err) {}

    CliRun(Path dir) {
        this(dir, new HashMap<>(Map.of("USER", "tester")));
    }

    Result run(String... args) {
        return run(false, args);
    }

    /** As a user at a terminal runs it: progress bars on (colour off). */
    Result onTerminal(String... args) {
        return run(true, args);
    }

    private Result run(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> vars = new HashMap<>(variables);
        if (terminal) vars.put("NO_COLOR", "1");
        int code = Main.run(new Environment(dir, vars, new PrintWriter(out, true), new PrintWriter(err, true), terminal), args);
        return new Result(code, out.toString(), err.toString());
    }

    Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }
}
