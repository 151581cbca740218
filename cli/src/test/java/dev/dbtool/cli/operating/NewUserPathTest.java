package dev.dbtool.cli.operating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.support.TestDatabases;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's whole path in an empty folder: {@code init --api} → {@code schema} → {@code migrate} →
 * {@code gql-type --all --crud} → the project built by Maven (offline, from the local repository: the pom pins what the
 * build already downloaded) → {@code java -jar} → one mutation and one query over HTTP. Prints the time of each step.
 */
class NewUserPathTest {
    @TempDir
    Path root;

    @Test
    void fromAnEmptyFolderToAnsweredQueries() throws Exception {
        Path mvn = maven();
        Assumptions.assumeTrue(mvn != null, "skipped: no `mvn` on PATH or under MAVEN_HOME to build the generated project with");
        Path dir = Files.createDirectories(root.resolve("shop"));
        String db = TestDatabases.create("new_user");
        CliRun cli = new CliRun(dir);
        Map<String, Long> took = new LinkedHashMap<>();
        long start = System.nanoTime(), t = start;

        CliRun.Result init = cli.ok("init", "--api");
        assertTrue(init.out().contains("created pom.xml") && Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve(".gitignore")), init.out() + init.err());
        t = step(took, "init --api", t);
        cli.ok("schema");
        t = step(took, "schema", t);
        cli.ok("migrate", "--url", db);
        t = step(took, "migrate", t);
        CliRun.Result gen = cli.ok("gql-type", "--all", "--crud");
        assertTrue(!gen.err().contains("lacks"), "the pom init wrote has every dependency the generated code needs:\n" + gen.err());
        t = step(took, "gql-type --all --crud", t);

        List<String> build = new ArrayList<>(List.of(mvn.toString(), "-o", "-q", "-B", "package", "-DskipTests"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) build.add("-Dmaven.repo.local=" + repo);
        Process maven = new ProcessBuilder(build).directory(dir.toFile()).redirectErrorStream(true).start();
        CompletableFuture<String> mavenOut = CompletableFuture.supplyAsync(() -> read(maven));
        assertTrue(maven.waitFor(5, TimeUnit.MINUTES), "mvn package finished");
        assertEquals(0, maven.exitValue(), "mvn -o package of the generated project:\n" + mavenOut.get());
        Path jar = dir.resolve("target/shop.jar");
        assertTrue(Files.isRegularFile(jar), "the runnable jar");
        t = step(took, "mvn -o -q package", t);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("DATABASE_URL", db);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("HOST", "127.0.0.1");
        Process api = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(api.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder log = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.contains("GraphQL API on")) log.append(line).append('\n');
            assertTrue(line != null, "the API started:\n" + log);
            Thread drain = new Thread(() -> read(api));
            drain.setDaemon(true);
            drain.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String created = post(http, port, "mutation { createUser(data: {email: \\\"ada@example.com\\\", name: \\\"Ada\\\"}) { id email name } }");
            assertTrue(created.contains("\"email\":\"ada@example.com\"") && created.contains("\"name\":\"Ada\"") && !created.contains("\"errors\""), created);
            t = step(took, "java -jar and the first answer", t);
            String listed = post(http, port, "{ users(first: 10) { totalCount edges { node { email } } } }");
            assertTrue(listed.contains("\"totalCount\":1") && listed.contains("ada@example.com"), listed);
            String invalid = post(http, port, "mutation { createUser(data: {email: \\\"not-an-email\\\"}) { id } }");
            assertTrue(invalid.contains("\"errors\"") && invalid.contains("email"), "@validate(email) holds in the built API: " + invalid);
        } finally {
            api.destroy();
            if (!api.waitFor(10, TimeUnit.SECONDS)) api.destroyForcibly();
        }
        System.out.printf("new user path: %s; init to the first answered query %.1f s%n", took, (t - start) / 1e9);
    }

    private static long step(Map<String, Long> took, String name, long since) {
        long now = System.nanoTime();
        took.put(name, (now - since) / 1_000_000);
        return now;
    }

    private static String post(HttpClient http, int port, String query) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String read(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** {@code mvn} from MAVEN_HOME / maven.home, else the PATH. */
    static Path maven() {
        for (String home : new String[] {System.getProperty("maven.home"), System.getenv("MAVEN_HOME"), System.getenv("M2_HOME")}) {
            if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) return Path.of(home, "bin", "mvn");
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "mvn"))) return Path.of(d, "mvn");
        }
        return null;
    }
}
