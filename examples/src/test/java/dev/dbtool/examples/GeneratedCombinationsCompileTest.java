package dev.dbtool.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.model.Schema;
import dev.dbtool.generators.api.ApiModelBuilder;
import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.api.JavaSettings;
import dev.dbtool.generators.java.GeneratedFile;
import dev.dbtool.generators.java.JavaApiGenerator;
import dev.dbtool.generators.project.Dependency;
import dev.dbtool.generators.project.ProjectDependencies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each way a project can be generated compiles on its own (with {@code -Xlint:all -Werror}): the API without the cache
 * layer, with it, job queues without an API, all of it. The blog example only shows the last; a runtime class of one
 * group naming a class of another group that the project does not get breaks the others (it happened: the API's
 * relations named the cache layer's ModelCache). Also: what {@code ProjectDependencies.neededBy} reads off each is the
 * set of artifacts the compilation needs.
 */
class GeneratedCombinationsCompileTest {
    static final String SCHEMA = """
            generator java {
              provider = "dbtool-java"
              package  = "com.example.combo"
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model Author {
              id    Int    @id @default(autoincrement())
              email String @unique @validate(email)
              posts Post[]

              @@cache(ttl: 60)
            }

            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              author   Author @relation(fields: [authorId], references: [id])
              authorId Int
            }

            job Notify {
              to String @validate(email)

              @@queue("notify")
            }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "api only,         true,  false, false, 'com.graphql-java:graphql-java com.zaxxer:HikariCP org.eclipse.jetty:jetty-server org.eclipse.jetty.websocket:jetty-websocket-jetty-server org.postgresql:postgresql com.fasterxml.jackson.core:jackson-databind com.nimbusds:nimbus-jose-jwt org.bouncycastle:bcprov-jdk18on'",
        "api and cache,    true,  true,  false, ''",
        "jobs only,        false, false, true,  'org.postgresql:postgresql io.lettuce:lettuce-core io.micrometer:micrometer-core com.fasterxml.jackson.core:jackson-databind com.fasterxml.jackson.datatype:jackson-datatype-jsr310'",
        "'api, cache, jobs', true,  true,  true,  ''"})
    void compilesOnItsOwn(String name, boolean api, boolean cache, boolean jobs, String expectedDependencies) throws IOException {
        Schema schema = SchemaLoader.load("schema.prisma", SCHEMA).schema();
        ApiSelection selection = new ApiSelection(api ? List.of("Author", "Post") : List.of(), List.of(), cache ? new ApiSelection.CacheSelection(false, List.of()) : null,
                jobs ? new ApiSelection.QueueSelection(List.of("Notify"), List.of("Notify")) : ApiSelection.QueueSelection.NONE);
        JavaApiGenerator.Output out = JavaApiGenerator.generate(ApiModelBuilder.build(schema, JavaSettings.from(schema), selection));
        assertEquals(cache, out.files().stream().anyMatch(f -> f.path().endsWith("/ModelCache.java")), "the cache layer iff asked for");
        assertEquals(api, out.files().stream().anyMatch(f -> f.path().endsWith("/ApiServer.java")), "the API iff asked for");
        List<Path> sources = new ArrayList<>();
        for (GeneratedFile f : out.files()) {
            Path p = dir.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
            sources.add(p);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-Xlint:all,-processing,-serial", "-Werror", "--release", "17", "-d", dir.resolve("classes").toString(),
                    "-classpath", System.getProperty("java.class.path")), null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, name + ":\n" + diagnostics.getDiagnostics().stream().map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n")));
        }
        List<String> needed = ProjectDependencies.neededBy(out.files()).stream().map(Dependency::key).toList();
        assertFalse(needed.isEmpty());
        if (!expectedDependencies.isBlank()) assertEquals(List.of(expectedDependencies.trim().split(" ")), needed, name);
        if (cache) assertTrue(needed.contains("io.lettuce:lettuce-core") && needed.contains("com.fasterxml.jackson.dataformat:jackson-dataformat-cbor"), needed.toString());
    }
}
