package dev.dbtool.cli.operating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Main;
import dev.dbtool.cli.support.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbtool dev} as a user runs it, in its own JVM: the first build serves the API and the page; a schema edit is
 * migrated, generated, compiled and served while it runs; an invalid schema and a Java source that does not compile
 * are shown on the page while the last good build goes on answering; SIGTERM stops it.
 */
class DevCommandTest {
    @TempDir
    Path dir;

    final List<String> output = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesReloadsAndShowsWhatDoesNotBuild() throws Exception {
        new CliRun(dir).ok("init", "--api");
        String db = TestDatabases.create("dev_loop");
        Process dev = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "dev", "--url", db, "--port", "0", "--poll", "100").directory(dir.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(dev.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) output.add(line);
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String first = await("the address", l -> l.startsWith("dbtool dev: http://127.0.0.1:"));
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(first);
            assertTrue(m.find(), first);
            int port = Integer.parseInt(m.group(1));
            await("build 1", l -> l.startsWith("✔ build 1 serving"));
            assertTrue(get(port, "/").contains("GraphiQL"), "the page");
            String created = graphql(port, "mutation { createUser(data: {email: \\\"ada@example.com\\\"}) { id email } }");
            assertTrue(created.contains("\"email\":\"ada@example.com\""), created);

            // a new field: changeset, migration, generation, compilation, served
            Path schema = dir.resolve("schema.prisma");
            Files.writeString(schema, Files.readString(schema).replace("  name      String?\n", "  name      String?\n  bio       String?\n"));
            await("build 2", l -> l.startsWith("✔ build 2 serving"));
            String withBio = graphql(port, "mutation { createUser(data: {email: \\\"bob@example.com\\\", bio: \\\"hi\\\"}) { bio } }");
            assertTrue(withBio.contains("\"bio\":\"hi\""), withBio);
            try (var changes = Files.list(dir.resolve("migrations/changes"))) {
                assertEquals(2, changes.count(), "one changeset per schema change");
            }

            // an invalid schema: the page says where; build 2 still answers
            Files.writeString(schema, Files.readString(schema).replace("  bio       String?\n", "  bio       Strin?\n"));
            await("the schema error", l -> l.startsWith("✘ the change did not build (schema)"));
            String status = get(port, "/dev/status");
            assertTrue(status.contains("\"ok\":false") && status.contains("schema.prisma:") && status.contains("Did you mean `String`?"), status);
            assertTrue(graphql(port, "{ users { totalCount } }").contains("\"totalCount\":2"), "the last good build serves");
            Files.writeString(schema, Files.readString(schema).replace("  bio       Strin?\n", "  bio       String?\n"));
            await("build 3", l -> l.startsWith("✔ build 3 serving"));

            // your own Java that does not compile
            Path mine = dir.resolve("src/main/java/com/example/app/api/Mine.java");
            Files.writeString(mine, "package com.example.app.api;\n\nclass Mine { int x = ; }\n");
            await("the compile error", l -> l.startsWith("✘ the change did not build (compile)"));
            assertTrue(get(port, "/dev/status").contains("Mine.java:3:"), get(port, "/dev/status"));
            Files.delete(mine);
            await("build 4", l -> l.startsWith("✔ build 4 serving"));
            assertTrue(graphql(port, "{ users { edges { node { email bio } } } }").contains("bob@example.com"));
        } finally {
            dev.destroy(); // SIGTERM: the shutdown hook stops the server
            assertTrue(dev.waitFor(20, TimeUnit.SECONDS), "dbtool dev stops on SIGTERM");
        }
    }

    private String await(String what, Predicate<String> line) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            for (String l : output) if (line.test(l)) {
                output.remove(l);
                return l;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + "; dbtool dev said:\n" + String.join("\n", output));
    }

    private String get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String graphql(int port, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
