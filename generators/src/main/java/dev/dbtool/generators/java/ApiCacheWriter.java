package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.generators.api.ApiField;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code ApiCache}: the Redis cache layer of the project: one {@link ClassName ModelCache} per cached model (with the
 * conversions that keep {@code @internal} values and {@code @encrypted} plaintext out of Redis), the query cache, the
 * session store, and invalidation after committed writes (retried, with the cache bypassed, while Redis is away).
 */
final class ApiCacheWriter {
    private ApiCacheWriter() {}

    static String accessor(ApiType t) { return Character.toLowerCase(t.name().charAt(0)) + t.name().substring(1); }

    static TypeSpec write(ApiSchema api, JavaNames names) {
        ClassName self = names.runtime("ApiCache");
        ClassName modelCache = names.runtime("ModelCache");
        ClassName redis = names.runtime("RedisStore");
        ClassName stats = names.runtime("CacheStats");
        ClassName codec = names.runtime("CacheCodec");
        ClassName config = names.runtime("CacheConfig");
        ClassName unavailable = names.runtime("CacheUnavailable");
        TypeSpec.Builder b = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL).addSuperinterface(AutoCloseable.class)
                .addJavadoc("The Redis cache layer: " + String.join(", ", api.cachedTypes().stream().map(t -> t.name() + " (" + t.cacheTtlSeconds() + " s)").toList())
                        + (api.cachedQueries().isEmpty() ? "" : "; cached query fields: " + String.join(", ", api.cachedQueries())) + ".\n");
        b.addType(TypeSpec.recordBuilder("Pending").addModifiers(Modifier.PRIVATE)
                .recordConstructor(MethodSpec.constructorBuilder().addParameter(String.class, "model")
                        .addParameter(ParameterizedTypeName.get(List.class, Object.class), "ids").addParameter(boolean.class, "cascade").build()).build());
        ClassName pending = self.nestedClass("Pending");
        b.addField(redis, "redis", Modifier.PRIVATE, Modifier.FINAL);
        b.addField(stats, "stats", Modifier.PRIVATE, Modifier.FINAL);
        b.addField(ClassName.get("java.util.concurrent", "ExecutorService"), "refresher", Modifier.PRIVATE, Modifier.FINAL);
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get("java.util.concurrent", "ConcurrentLinkedQueue"), pending), "pending", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>()", ClassName.get("java.util.concurrent", "ConcurrentLinkedQueue")).build());
        for (ApiType t : api.cachedTypes()) {
            b.addField(FieldSpec.builder(String.class, JavaNames.constant(t.name()) + "_SHAPE", Modifier.STATIC, Modifier.FINAL).initializer("$S", shape(t, names)).build());
            b.addField(ParameterizedTypeName.get(modelCache, names.model(t.name())), accessor(t), Modifier.PRIVATE, Modifier.FINAL);
        }
        b.addField(names.runtime("QueryCache"), "queries", Modifier.PRIVATE, Modifier.FINAL);
        b.addField(names.runtime("SessionStore"), "sessions", Modifier.PRIVATE, Modifier.FINAL);

        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(config, "config").addParameter(names.runtime("Database"), "database")
                .addParameter(names.runtime("KeyRing"), "keyRing")
                .addStatement("this.stats = new $T()", stats)
                .addStatement("this.redis = $T.connect(config, stats)", redis)
                .addStatement("this.refresher = $T.newFixedThreadPool(2, r -> { Thread th = new Thread(r, \"cache-refresh\"); th.setDaemon(true); return th; })",
                        ClassName.get("java.util.concurrent", "Executors"))
                .addStatement("$T codec = new $T(config.binary())", codec, codec);
        CodeBlock.Builder byType = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        int n = 0;
        for (ApiType t : api.cachedTypes()) {
            ClassName row = names.model(t.name());
            ctor.addStatement("this.$N = new $T<>(redis, codec, stats, database, refresher, config.prefix(), $S, config.ttl($S, $L).toMillis(), $L_SHAPE, $T.class, $L, $L, this::usable)",
                    accessor(t), modelCache, t.name(), t.name(), t.cacheTtlSeconds(), JavaNames.constant(t.name()), row, convert(t, names, true), convert(t, names, false));
            for (String typeName : List.of(t.name(), t.name() + "Connection", t.name() + "Edge"))
                byType.add(n++ > 0 ? ", " : "").add("$T.entry($S, $N)", Map.class, typeName, accessor(t));
        }
        byType.add(")");
        CodeBlock.Builder queries = CodeBlock.builder().add("$T.of(", java.util.Set.class);
        for (int i = 0; i < api.cachedQueries().size(); i++) queries.add(i > 0 ? ", " : "").add("$S", api.cachedQueries().get(i));
        queries.add(")");
        CodeBlock.Builder sensitive = CodeBlock.builder().add("$T.of(", java.util.Set.class);
        int k = 0;
        for (ApiType t : api.types()) for (ApiField f : t.outputFields()) if (f.encrypted()) sensitive.add(k++ > 0 ? ", " : "").add("$S", t.name() + "." + f.name());
        sensitive.add(")");
        ctor.addStatement("this.queries = new $T(redis, stats, config.prefix(), $L, $L, $L, this::usable)", names.runtime("QueryCache"), queries.build(), byType.build(), sensitive.build());
        ctor.addStatement("this.sessions = new $T(redis, config.prefix(), $T.ofHours(12))", names.runtime("SessionStore"), java.time.Duration.class);
        b.addMethod(ctor.build());

        b.addMethod(MethodSpec.methodBuilder("connect").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("Connects to Redis (lazily reconnecting: a Redis that is down now is used once it is up).\n")
                .addParameter(config, "config").addParameter(names.runtime("Database"), "database").addParameter(names.runtime("KeyRing"), "keyRing")
                .addStatement("return new $T(config, database, keyRing)", self).build());
        for (ApiType t : api.cachedTypes()) {
            b.addMethod(MethodSpec.methodBuilder(accessor(t)).addModifiers(Modifier.PUBLIC).returns(ParameterizedTypeName.get(modelCache, names.model(t.name())))
                    .addStatement("return $N", accessor(t)).build());
        }
        b.addMethod(MethodSpec.methodBuilder("queries").addModifiers(Modifier.PUBLIC).returns(names.runtime("QueryCache")).addStatement("return queries").build());
        b.addMethod(MethodSpec.methodBuilder("sessions").addModifiers(Modifier.PUBLIC).returns(names.runtime("SessionStore")).addStatement("return sessions").build());
        b.addMethod(MethodSpec.methodBuilder("stats").addModifiers(Modifier.PUBLIC).returns(stats).addStatement("return stats").build());
        b.addMethod(MethodSpec.methodBuilder("metrics").addModifiers(Modifier.PUBLIC).returns(names.runtime("CacheMetrics"))
                .addJavadoc("The counters as Micrometer meters: {@code api.cache().metrics().bindTo(registry)}.\n")
                .addStatement("return new $T(stats, redis::available)", names.runtime("CacheMetrics")).build());
        MethodSpec.Builder after = MethodSpec.methodBuilder("afterWrite").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Call after a write to {@code model} committed: moves the model's generation and the ids' versions on (and those of models a\n"
                        + "delete cascades into). When Redis cannot be told, the invalidation is kept and retried, and the cache is bypassed until it went through.\n")
                .addParameter(String.class, "model").addParameter(ParameterizedTypeName.get(ClassName.get(List.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)), "ids")
                .addParameter(boolean.class, "delete")
                .addStatement("pending.add(new Pending(model, new $T<>(ids), false))", ArrayList.class);
        after.beginControlFlow("if (delete)");
        after.beginControlFlow("switch (model)");
        for (Map.Entry<String, List<String>> e : api.cascades().entrySet()) {
            List<String> cached = e.getValue().stream().filter(m -> api.type(m).map(ApiType::cached).orElse(false)).toList();
            if (cached.isEmpty()) continue;
            after.beginControlFlow("case $S ->", e.getKey());
            for (String m : cached) after.addStatement("pending.add(new Pending($S, $T.of(), true))", m, List.class);
            after.endControlFlow();
        }
        after.addCode("default -> { }\n").endControlFlow().endControlFlow();
        b.addMethod(after.addStatement("flush()").build());

        MethodSpec.Builder flush = MethodSpec.methodBuilder("flush").addModifiers(Modifier.PRIVATE, Modifier.SYNCHRONIZED).returns(boolean.class)
                .beginControlFlow("for ($T p = pending.peek(); p != null; p = pending.peek())", pending)
                .beginControlFlow("try")
                .beginControlFlow("switch (p.model())");
        for (ApiType t : api.cachedTypes()) flush.addStatement("case $S -> $N.invalidate(p.ids(), p.cascade())", t.name(), accessor(t));
        flush.addCode("default -> { }\n").endControlFlow()
                .addStatement("pending.poll()")
                .nextControlFlow("catch ($T e)", unavailable).addStatement("return false").endControlFlow()
                .endControlFlow().addStatement("return true");
        b.addMethod(flush.build());
        b.addMethod(MethodSpec.methodBuilder("usable").addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addJavadoc("False while invalidations wait for Redis: until they reach it, reads go to the database.\n")
                .addStatement("return pending.isEmpty() || flush()").build());
        b.addMethod(MethodSpec.methodBuilder("close").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addStatement("refresher.shutdownNow()").addStatement("redis.close()").build());
        return b.build();
    }

    /** The conversion into the cache (internal fields dropped, encrypted ones encrypted) or out of it (decrypted). */
    private static CodeBlock convert(ApiType t, JavaNames names, boolean into) {
        CodeBlock.Builder args = CodeBlock.builder();
        List<ApiField> fields = t.recordFields();
        boolean identity = fields.stream().noneMatch(f -> f.internal() || f.encrypted());
        if (identity) return CodeBlock.of("row -> row");
        for (int i = 0; i < fields.size(); i++) {
            ApiField f = fields.get(i);
            String id = JavaNames.identifier(f.name());
            args.add(i > 0 ? ", " : "");
            if (f.internal() && into) args.add("null");
            else if (f.encrypted()) {
                String op = f.kind().equals("BYTES") ? (into ? "encryptBytes" : "decryptBytes") : (into ? "encrypt" : "decrypt");
                args.add("keyRing.$L(row.$N())", op, id);
            } else args.add("row.$N()", id);
        }
        return CodeBlock.of("row -> new $T($L)", names.model(t.name()), args.build());
    }

    /** A hash of the model's cached fields and their types: entries of another shape are misses. */
    static String shape(ApiType t, JavaNames names) {
        StringBuilder s = new StringBuilder(t.name());
        for (ApiField f : t.recordFields()) s.append('|').append(f.name()).append(':').append(JavaTypes.of(f, names));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
