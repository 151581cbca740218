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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Environment(dir, variables, new PrintWriter(out, true), new PrintWriter(err, true), false), args);
        return new Result(code, out.toString(), err.toString());
    }

    Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }
}
