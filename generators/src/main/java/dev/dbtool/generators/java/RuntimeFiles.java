package dev.dbtool.generators.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-independent support classes of the generated API (JDBC binding, filters, paging, errors, validation,
 * secrets, JWT, limits, HTTP). They are plain Java kept as resources and copied into the generated package, so they
 * compile and are tested as the code users get; only the model-dependent classes are built with JavaPoet.
 */
final class RuntimeFiles {
    static final List<String> NAMES = List.of("ApiConfig", "ApiException", "ApiServer", "Auth", "Batches", "Column", "Cursors", "Database",
            "DatabaseUrls", "DbEnum", "DocumentCache", "ErrorHandler", "Filter", "GraphQLHttpServer", "Ids", "Inputs", "Jdbc", "JwtAuthenticator", "KeyRing", "Limits",
            "ListQuery", "OrderBy", "Page", "PageRequest", "PasswordHasher", "Principal", "Relations", "Rows", "Scalars", "SessionLookup", "SqlFilter", "Validation", "Value", "Writes");

    /** The cache layer's support classes, written by {@code dbtool cache-setup}. */
    static final List<String> CACHE = List.of("CacheCodec", "CacheConfig", "CacheScripts", "CacheStats", "CacheUnavailable", "ModelCache", "QueryCache", "RedisStore",
            "SessionStore", "SingleFlight");

    private RuntimeFiles() {}

    /** The job queues' engine, written by {@code dbtool queue-job} / {@code queue-worker}. */
    static final List<String> QUEUE = List.of("Cron", "Delivery", "Idempotency", "JobContext", "JobDefaults", "JobHandler", "JobOptions", "JobQueue", "Outbox",
            "OutboxRelay", "PayloadCodec", "QueueClient", "QueueScripts", "QueueStats", "Worker");

    static List<GeneratedFile> all(String generatedPackage, String header, boolean api, boolean cache, boolean queues) {
        List<GeneratedFile> out = new ArrayList<>();
        if (api) for (String name : NAMES) out.add(file(generatedPackage, header, "runtime", name));
        // job payloads validate with the API's rules and errors even when there is no API
        else if (queues) for (String name : List.of("ApiException", "Validation")) out.add(file(generatedPackage, header, "runtime", name));
        if (cache) for (String name : CACHE) out.add(file(generatedPackage, header, "cache", name));
        if (queues) for (String name : QUEUE) out.add(file(generatedPackage, header, "queue", name));
        return out;
    }

    private static GeneratedFile file(String generatedPackage, String header, String folder, String name) {
        String text = resource(folder, name).replace("package __PACKAGE__;", "package " + generatedPackage + ";");
        return new GeneratedFile(generatedPackage.replace('.', '/') + "/" + name + ".java", header + text, false);
    }

    private static String resource(String folder, String name) {
        try (InputStream in = RuntimeFiles.class.getResourceAsStream(folder + "/" + name + ".java.tmpl")) {
            if (in == null) throw new IllegalStateException("missing runtime template " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
