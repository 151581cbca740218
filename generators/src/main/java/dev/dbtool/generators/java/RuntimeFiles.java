package dev.dbtool.generators.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-independent support classes of the generated API (JDBC binding, filters, paging, errors, validation,
 * secrets, JWT, limits, HTTP, the cache layer, the job queues). They are the sources of the {@code runtime} module
 * (package {@code dev.dbtool.runtime}, compiled and unit-tested there), which its jar carries as resources; they are
 * copied into the generated package with the package renamed. Only the model-dependent classes are built with JavaPoet.
 */
final class RuntimeFiles {
    static final List<String> NAMES = List.of("ApiConfig", "ApiEngine", "ApiException", "ApiServer", "Auth", "Batches", "BodyReader", "BulkWrites", "Column", "Cursors", "Database",
            "DatabaseUrls", "DbEnum", "DocumentCache", "ErrorHandler", "Executions", "Filter", "FilterModel", "FreshMutationFields", "Aggregates", "NestedWrites", "Events", "EventHub", "Subscriptions", "GraphQLWebSocket", "GraphQLHttpServer", "GraphQLRequest", "Hashes", "HttpSettings", "Ids", "Inputs", "Jdbc", "JwtAuthenticator", "KeyRing", "Keys", "Limits", "RelationOrder", "SortKeys", "Start",
            "ListQuery", "Operations", "OrderBy", "Page", "PageRequest", "Projection", "PasswordHasher", "Principal", "RelationCounts", "Relations", "Rows", "Scalars", "SessionLookup", "SqlFilter", "TrustedDocuments", "Validation", "Value", "Writes");

    /** The cache layer's support classes, written by {@code dbtool cache-setup}. */
    static final List<String> CACHE = List.of("CacheCodec", "CacheConfig", "CacheMetrics", "CacheScripts", "CacheStats", "CacheUnavailable", "ModelCache", "QueryCache", "RedisStore",
            "SessionStore", "SingleFlight");

    private RuntimeFiles() {}

    /** The job queues' engine, written by {@code dbtool queue-job} / {@code queue-worker}. */
    static final List<String> QUEUE = List.of("Cron", "Delivery", "Flow", "Idempotency", "JobContext", "JobDefaults", "JobHandler", "JobOptions", "JobQueue", "Outbox",
            "OutboxRelay", "PayloadCodec", "QueueClient", "QueueEvents", "QueueMetrics", "QueueScripts", "QueueStats", "Worker");

    /** What the cache and the queues share, written when either is. */
    static final List<String> REDIS = List.of("RedisClusters");

    static List<GeneratedFile> all(String generatedPackage, String header, boolean api, boolean cache, boolean queues) {
        List<GeneratedFile> out = new ArrayList<>();
        if (api) for (String name : NAMES) out.add(file(generatedPackage, header, name));
        // job payloads validate with the API's rules and errors even when there is no API
        else if (queues) for (String name : List.of("ApiException", "Validation")) out.add(file(generatedPackage, header, name));
        if (cache) for (String name : CACHE) out.add(file(generatedPackage, header, name));
        if (queues) for (String name : QUEUE) out.add(file(generatedPackage, header, name));
        if (cache || queues) for (String name : REDIS) out.add(file(generatedPackage, header, name));
        return out;
    }

    private static GeneratedFile file(String generatedPackage, String header, String name) {
        String text = source(name).replace("package " + PACKAGE + ";", "package " + generatedPackage + ";");
        return new GeneratedFile(generatedPackage.replace('.', '/') + "/" + name + ".java", header + text, false);
    }

    /** The runtime module's package, as its sources declare it. */
    private static final String PACKAGE = "dev.dbtool.runtime";

    private static String source(String name) {
        String path = "/dev/dbtool/runtime/sources/" + PACKAGE.replace('.', '/') + "/" + name + ".java";
        try (InputStream in = RuntimeFiles.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing runtime source " + path + " (is dbtool-runtime on the class path?)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
