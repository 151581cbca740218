package dev.dbtool.generators.project;

/** A Maven dependency of a generated project; {@code scope} null means compile, {@code version} null that a BOM (Spring Boot's) gives it. */
public record Dependency(String groupId, String artifactId, String version, String scope) {
    /** {@code groupId:artifactId}. */
    public String key() { return groupId + ":" + artifactId; }

    /** As a pom's {@code <dependency>} element on one line. */
    public String xml() {
        return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId>" + (version == null ? "" : "<version>" + version + "</version>")
                + (scope == null ? "" : "<scope>" + scope + "</scope>") + "</dependency>";
    }
}
