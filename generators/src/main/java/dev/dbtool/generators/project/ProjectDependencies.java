package dev.dbtool.generators.project;

import dev.dbtool.generators.java.GeneratedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a generated project needs on its classpath, pinned to the versions this dbtool's runtime is built and tested
 * with ({@code versions.properties}, filled in by the build). {@link #neededBy} reads it off the generated sources: an
 * artifact is needed when a file names one of its packages (imported or fully qualified); the PostgreSQL driver when a
 * file uses JDBC.
 */
public final class ProjectDependencies {
    private static final Properties VERSIONS = load();

    /** Each artifact and the packages that give it away (not preceded by a dot or a letter: {@code com.acme.graphql.x} is no graphql-java). */
    private static final Map<String, Pattern> USES = new LinkedHashMap<>();

    static {
        use("com.graphql-java:graphql-java", "graphql\\.", "org\\.dataloader\\.");
        use("com.zaxxer:HikariCP", "com\\.zaxxer\\.hikari\\.");
        use("org.eclipse.jetty:jetty-server", "org\\.eclipse\\.jetty\\.");
        use("org.eclipse.jetty.websocket:jetty-websocket-jetty-server", "org\\.eclipse\\.jetty\\.websocket\\.");
        use("org.postgresql:postgresql", "org\\.postgresql\\.", "java\\.sql\\.", "javax\\.sql\\.");
        use("io.lettuce:lettuce-core", "io\\.lettuce\\.");
        use("io.micrometer:micrometer-core", "io\\.micrometer\\.");
        use("com.fasterxml.jackson.core:jackson-databind", "com\\.fasterxml\\.jackson\\.(core|databind|annotation)\\.");
        use("com.fasterxml.jackson.datatype:jackson-datatype-jsr310", "com\\.fasterxml\\.jackson\\.datatype\\.jsr310\\.");
        use("com.fasterxml.jackson.dataformat:jackson-dataformat-cbor", "com\\.fasterxml\\.jackson\\.dataformat\\.cbor\\.");
        use("com.nimbusds:nimbus-jose-jwt", "com\\.nimbusds\\.");
        use("org.bouncycastle:bcprov-jdk18on", "org\\.bouncycastle\\.");
    }

    /** The Spring configuration's starters, versioned by the application's Spring Boot (so none is given here). */
    private static final Map<String, Pattern> SPRING_USES = new LinkedHashMap<>();

    static {
        SPRING_USES.put("org.springframework.boot:spring-boot-starter-graphql", Pattern.compile("(?<![\\w.])org\\.springframework\\.graphql\\."));
        SPRING_USES.put("org.springframework.boot:spring-boot-starter-security", Pattern.compile("(?<![\\w.])org\\.springframework\\.security\\."));
    }

    /** The logging binding a runnable project ships with (HikariCP and Jetty log through SLF4J). */
    public static final String LOGGING = "org.slf4j:slf4j-simple";

    private ProjectDependencies() {}

    private static void use(String key, String... packages) {
        USES.put(key, Pattern.compile("(?<![\\w.])(" + String.join("|", packages) + ")"));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ProjectDependencies.class.getResourceAsStream("versions.properties")) {
            if (in == null) throw new IllegalStateException("versions.properties is missing from the generators jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A pinned version: {@code groupId:artifactId}, {@code plugin.<name>}, {@code java.release} or {@code dbtool}. */
    public static String version(String key) {
        String v = VERSIONS.getProperty(key);
        if (v == null || v.startsWith("${")) throw new IllegalStateException("no version for " + key + " (was versions.properties filtered by the build?)");
        return v;
    }

    private static Dependency dependency(String key, String scope) {
        String[] ga = key.split(":");
        return new Dependency(ga[0], ga[1], version(key), scope);
    }

    /** Everything any generated code may need (the API, the cache layer, the job queues) and the logging binding. */
    public static List<Dependency> all() {
        List<Dependency> out = new ArrayList<>();
        for (String key : USES.keySet()) out.add(dependency(key, null));
        out.add(dependency(LOGGING, "runtime"));
        return List.copyOf(out);
    }

    /** What these generated files need, in a stable order. */
    public static List<Dependency> neededBy(Collection<GeneratedFile> files) {
        List<Dependency> out = new ArrayList<>();
        for (Map.Entry<String, Pattern> use : USES.entrySet()) {
            if (files.stream().anyMatch(f -> use.getValue().matcher(f.content()).find())) out.add(dependency(use.getKey(), null));
        }
        for (Map.Entry<String, Pattern> use : SPRING_USES.entrySet()) {
            String[] ga = use.getKey().split(":");
            if (files.stream().anyMatch(f -> use.getValue().matcher(f.content()).find())) out.add(new Dependency(ga[0], ga[1], null, null));
        }
        return List.copyOf(out);
    }
}
