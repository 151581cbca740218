package dev.dbtool.cli;

import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.model.Schema;
import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.api.JavaSettings;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "dev",
        description = "The development loop in one command: write a changeset for what the schema changed and migrate the development database, "
                + "generate the API (every model with its root fields the first time), compile it in-process, and serve it on localhost with a "
                + "GraphiQL page; again on every change to the schema, dbtool-api.json or your Java sources. A change that does not build is "
                + "shown in the terminal and on the page while the last good build goes on serving. Development only.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 stopped (Ctrl-C), 2 usage, 3 the port is taken, no JDK, or the database cannot be reached.", "",
            "Examples:",
            "  dbtool dev                          # the embedded development database, http://127.0.0.1:4000/",
            "  dbtool dev --port 8080 --url postgresql://me@localhost/shop_dev"})
final class DevCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Mixin DatabaseOption database;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "4000", description = "The port of the page and the API (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--accept-data-loss", description = "Let schema changes that lose data (dropped fields or models, narrowed types) through, as `dbtool schema` does.")
    boolean acceptDataLoss;

    @Option(names = "--poll", paramLabel = "MS", defaultValue = "300", description = "How often to look for changes, in milliseconds. Default: ${DEFAULT-VALUE}.")
    long pollMillis;

    private volatile boolean stopping;
    /** Builds served so far; the page and the terminal number them. */
    private int served;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Environment env = root.environment;
        if (port < 0 || port > 65535) throw new UserError(ExitCodes.USAGE, "--port must be between 0 and 65535");
        if (pollMillis < 20) throw new UserError(ExitCodes.USAGE, "--poll must be at least 20 ms");
        Path schema = schemaOption.resolve(env);
        Path base = (Files.isDirectory(schema) ? schema : schema.toAbsolutePath().getParent()).normalize();
        // the database is chosen from the schema even when it does not validate yet: the page shows its errors
        Schema parsed = SchemaLoader.load(SchemaReading.read(schema, env)).schema();
        DatabaseOption.Target target = database.open(env, parsed, base);
        DevServer front;
        try {
            front = DevServer.start("127.0.0.1", port);
        } catch (BindException e) {
            target.close();
            throw new UserError(ExitCodes.ENVIRONMENT, "port " + port + " is taken; pass --port (0 picks a free one)");
        }
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            stopping = true;
            main.interrupt();
            front.close();
            target.close();
        }, "dbtool-dev-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String url = "http://127.0.0.1:" + front.port();
        env.out().println("dbtool dev: " + url + "/ (GraphiQL), " + url + "/graphql; watching " + env.display(schema) + " and your sources; Ctrl-C stops");
        DevBuild build = new DevBuild(env, schema, target.jdbcUrl(), acceptDataLoss, DevWorkFolder.of(base));
        try {
            Watched watched = pass(env, build, front, url, base, schema);
            while (!stopping) {
                Thread.sleep(pollMillis);
                if (watched.watch().fingerprint().equals(watched.seen())) continue;
                Thread.sleep(Math.min(200, pollMillis)); // an editor's save may be several writes
                env.err().println("— change seen; building again");
                watched = pass(env, build, front, url, base, schema);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!stopping) {
                Runtime.getRuntime().removeShutdownHook(hook);
                front.close();
                target.close();
            }
        }
        return ExitCodes.OK;
    }

    /** What is watched after a build, and how it looked then. */
    private record Watched(DevWatch watch, Map<Path, String> seen) {}

    /**
     * One build, served when it succeeds. What to watch follows the generator block, so it is worked out after each
     * build; the fingerprint is taken after the build wrote its files and before the outcome is announced, so an edit
     * made once the user reads "serving" (or "did not build") is always seen.
     */
    private Watched pass(Environment env, DevBuild build, DevServer front, String url, Path base, Path schema) {
        long t0 = System.nanoTime();
        DevBuild.Outcome o = build.run();
        DevWatch watch = watch(env, base, schema);
        Watched watched = new Watched(watch, watch.fingerprint());
        if (o.ok()) {
            DevApi old = front.serve(++served, o.api());
            if (old != null) old.close();
            build.removeClassesBut(o.classes());
            env.out().printf("✔ build %d serving at %s/ (%.1f s)%n", served, url, (System.nanoTime() - t0) / 1e9);
        } else {
            front.failed(o.failedStep(), o.message());
            env.out().println("✘ the change did not build (" + o.failedStep() + ")" + (front.state().api() != null
                    ? "; build " + front.state().build() + " goes on serving" : "") + ". Fix it and save: dbtool dev builds again.");
        }
        env.out().flush();
        return watched;
    }

    private static DevWatch watch(Environment env, Path base, Path schema) {
        JavaSettings settings;
        try {
            settings = JavaSettings.from(SchemaLoader.load(SchemaReading.read(schema, env)).schema());
        } catch (RuntimeException e) {
            settings = JavaSettings.from(SchemaLoader.load("schema.prisma", "").schema());
        }
        Path output = base.resolve(settings.output()).normalize();
        return new DevWatch(schema, base.resolve(ApiSelection.FILE_NAME), output, output.resolve(settings.generatedPackage().replace('.', '/')));
    }
}
