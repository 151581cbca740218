package dev.dbtool.generators.commit;

import java.util.Locale;

/** What part of a dbtool project a path belongs to, in the order that decides a commit's scope (first wins). */
enum Area {
    SCHEMA("feat", "schema"), MIGRATIONS("feat", "migrations"), SEED("feat", "seed"), GRAPHQL("feat", "graphql"), QUEUE("feat", "queue"),
    CACHE("feat", "cache"), CODE("chore", null), TEST("test", null), DOCS("docs", null), BUILD("build", null), CI("ci", null);

    final String type;
    final String scope;

    Area(String type, String scope) {
        this.type = type;
        this.scope = scope;
    }

    static Area of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (p.endsWith(".prisma") || p.endsWith(".dbtool")) return SCHEMA;
        if (p.startsWith(".ci/") || p.startsWith(".github/") || p.contains("/.github/") || name.equals(".gitlab-ci.yml")) return CI;
        if (p.contains("migrations/seed/") || name.contains("-seed.") || p.contains("/seed/") && p.endsWith(".csv")) return SEED;
        if (p.contains("migrations/") || name.equals("dbtool-snapshot.json") || name.startsWith("changelog.")) return MIGRATIONS;
        if (name.endsWith(".graphql") || p.contains("/graphql/")) return GRAPHQL;
        if (p.contains("/queue/") || p.contains("/jobs/")) return QUEUE;
        if (p.contains("/cache/")) return CACHE;
        if (p.contains("src/test/") || p.contains("/test/") || name.endsWith("test.java") || p.startsWith("test/")) return TEST;
        if (p.startsWith("docs/") || p.contains("/docs/") || name.endsWith(".md") || name.endsWith(".adoc")) return DOCS;
        if (name.equals("pom.xml") || name.startsWith("build.gradle") || name.equals("settings.gradle") || p.startsWith(".mvn/")
                || name.equals("mvnw") || name.equals("dbtool") || name.equals("package.json")) return BUILD;
        return CODE;
    }
}
