package dev.dbtool.cli.operating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init --api}'s build files, never overwritten, and the dependencies {@code gql-type} finds missing from a pom. */
class ApiProjectFilesTest {
    @TempDir
    Path dir;

    @Test
    void initApiWritesAPomThatPinsTheRuntimeAndARunnableJar() throws Exception {
        CliRun cli = new CliRun(dir);
        cli.ok("init", "--api");
        String pom = Files.readString(dir.resolve("pom.xml"));
        for (String artifact : new String[] {"graphql-java", "HikariCP", "jetty-server", "jetty-websocket-jetty-server", "postgresql", "lettuce-core", "micrometer-core", "jackson-databind",
            "jackson-datatype-jsr310", "jackson-dataformat-cbor", "nimbus-jose-jwt", "bcprov-jdk18on", "slf4j-simple", "maven-shade-plugin"}) {
            assertTrue(pom.contains("<artifactId>" + artifact + "</artifactId>"), artifact);
        }
        assertTrue(pom.contains("<mainClass>com.example.app.generated.ApiServer</mainClass>"), pom);
        assertFalse(pom.contains("${"), "every version filled in");
        assertTrue(Files.readString(dir.resolve("README.md")).contains("java -jar target/"));
        CliRun.Result again = cli.run("init", "--api");
        assertEquals(1, again.code(), again.err());
        assertTrue(again.err().contains("nothing to write"), again.err());
    }

    @Test
    void anExistingPomIsKeptAndGqlTypeSaysWhatItLacks() throws Exception {
        String own = """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>acme</groupId><artifactId>own</artifactId><version>1</version>
                  <dependencies>
                    <dependency><groupId>com.graphql-java</groupId><artifactId>graphql-java</artifactId><version>26.0</version></dependency>
                    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.13</version></dependency>
                  </dependencies>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>com.zaxxer</groupId><artifactId>HikariCP</artifactId><version>7.1.0</version></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """;
        Files.writeString(dir.resolve("pom.xml"), own);
        CliRun cli = new CliRun(dir);
        CliRun.Result init = cli.ok("init", "--api");
        assertEquals(own, Files.readString(dir.resolve("pom.xml")), "never overwritten");
        assertTrue(init.err().contains("kept pom.xml"), init.err());
        assertFalse(Files.exists(dir.resolve("README.md")), "a project with its own build is left alone");
        CliRun.Result gen = cli.ok("gql-type", "--all", "--crud");
        assertTrue(gen.err().contains("pom.xml lacks"), gen.err());
        assertTrue(gen.err().contains("<artifactId>HikariCP</artifactId><version>7.1.0</version>"), "managed is not declared: " + gen.err());
        assertTrue(gen.err().contains("<artifactId>jetty-server</artifactId>"), gen.err());
        assertFalse(gen.err().contains("<artifactId>graphql-java</artifactId>"), "declared: " + gen.err());
        assertFalse(gen.err().contains("lettuce-core"), "no cache layer, no Redis client needed: " + gen.err());
        assertTrue(Files.readString(dir.resolve("dbtool-api.json")).contains("\"createUser\""), "--crud adds the root fields");
    }

    @Test
    void gradleBuildsAreCheckedByName() throws Exception {
        Files.writeString(dir.resolve("build.gradle.kts"), "dependencies { implementation(\"com.graphql-java:graphql-java:26.0\") }\n");
        CliRun cli = new CliRun(dir);
        cli.ok("init", "--api");
        assertFalse(Files.exists(dir.resolve("pom.xml")), "a Gradle project gets no pom");
        CliRun.Result gen = cli.ok("gql-type", "--all");
        assertTrue(gen.err().contains("implementation(\"com.zaxxer:HikariCP:"), gen.err());
        assertFalse(gen.err().contains("com.graphql-java:graphql-java:"), gen.err());
    }
}
