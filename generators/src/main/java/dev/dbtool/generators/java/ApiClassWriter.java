package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.generators.api.ApiEnum;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import dev.dbtool.generators.api.OperationSpec;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * {@code Api}: the executable GraphQL API of the project: SDL, runtime wiring, repositories, DataLoaders, limits,
 * error handling; {@link #execute} runs one request for a principal. Plain graphql-java, so it plugs into any server.
 */
final class ApiClassWriter {
    private static final ClassName GRAPHQL = ClassName.get("graphql", "GraphQL");
    private static final ClassName RUNTIME_WIRING = ClassName.get("graphql.schema.idl", "RuntimeWiring");
    private static final ClassName TYPE_WIRING = ClassName.get("graphql.schema.idl", "TypeRuntimeWiring");
    private static final ClassName REGISTRY = ClassName.get("org.dataloader", "DataLoaderRegistry");
    private static final ClassName EXECUTION_RESULT = ClassName.get("graphql", "ExecutionResult");
    private static final ClassName EXECUTION_INPUT = ClassName.get("graphql", "ExecutionInput");

    private ApiClassWriter() {}

    /** Largest piece of the SDL in one literal: a class file holds a string constant of at most 65,535 bytes (UTF-8, up to 3 per char). */
    static final int SDL_PIECE = 20_000;

    /**
     * The SDL as Java source: one literal when it fits a class file's constant, else pieces joined at run time (a
     * {@code +} of literals would be folded back into one constant and fail to compile with "constant string too long").
     */
    static CodeBlock sdlLiteral(String sdl) {
        if (sdl.length() <= SDL_PIECE) return CodeBlock.of("$S", sdl);
        List<CodeBlock> pieces = new java.util.ArrayList<>();
        int start = 0;
        while (start < sdl.length()) {
            int end = Math.min(sdl.length(), start + SDL_PIECE);
            // cut after a line break when there is one, so the generated source stays readable
            int nl = end < sdl.length() ? sdl.lastIndexOf('\n', end - 1) : -1;
            if (nl >= start) end = nl + 1;
            pieces.add(CodeBlock.of("$S", sdl.substring(start, end)));
            start = end;
        }
        return CodeBlock.of("$T.join(\"\",\n$>$L$<)", String.class, CodeBlock.join(pieces, ",\n"));
    }

    static TypeSpec write(ApiSchema api, JavaNames names, String sdl) {
        ClassName self = names.api();
        ClassName config = names.runtime("ApiConfig");
        TypeSpec.Builder b = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL).addSuperinterface(names.runtime("ApiEngine"))
                .addJavadoc("The generated GraphQL API: build it once with {@link #create}, then {@link #execute} requests, or hand {@link #graphQL()} to a server.\n");
        b.addField(FieldSpec.builder(String.class, "SDL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The schema, as written to schema.graphql.\n").initializer(sdlLiteral(sdl)).build());
        CodeBlock.Builder constraints = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        int n = 0;
        ClassName info = names.runtime("ErrorHandler").nestedClass("ConstraintInfo");
        for (ApiType t : api.types()) {
            for (Map.Entry<String, List<String>> e : t.constraints().entrySet()) {
                constraints.add(n++ > 0 ? ",\n" : "\n$>").add("$T.entry($S, new $T($S, $T.of($L)))", Map.class, e.getKey(), info, t.name(), List.class,
                        String.join(", ", e.getValue().stream().map(v -> "\"" + v + "\"").toList()));
            }
        }
        constraints.add(n > 0 ? "$<)" : ")");
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), info), "CONSTRAINTS", Modifier.STATIC, Modifier.FINAL)
                .initializer(constraints.build()).build());
        b.addField(names.runtime("Database"), "database", Modifier.PRIVATE, Modifier.FINAL);
        b.addField(config, "config", Modifier.PRIVATE, Modifier.FINAL);
        b.addField(names.runtime("RulesBase"), "rules", Modifier.PRIVATE, Modifier.FINAL);
        for (ApiType t : api.types()) b.addField(names.repository(t.name()), JavaNames.repositoryAccessor(t), Modifier.PRIVATE, Modifier.FINAL);
        b.addField(GRAPHQL, "graphQL", Modifier.PRIVATE, Modifier.FINAL);
        boolean caching = api.cacheEnabled();
        if (caching) b.addField(names.runtime("ApiCache"), "cache", Modifier.PRIVATE, Modifier.FINAL);

        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(DataSource.class, "dataSource").addParameter(config, "config");
        if (caching) ctor.addParameter(names.runtime("CacheConfig"), "cacheConfig");
        ctor.addStatement("this.database = new $T(dataSource)", names.runtime("Database")).addStatement("this.config = config")
                .addStatement("this.rules = new $T()", names.rules());
        if (caching) ctor.addStatement("this.cache = cacheConfig == null ? null : $T.connect(cacheConfig, database, config.keyRing())", names.runtime("ApiCache"));
        for (ApiType t : api.types()) ctor.addStatement("this.$N = new $T(config)", JavaNames.repositoryAccessor(t), names.repository(t.name()));
        if (api.operations().stream().anyMatch(op -> op.kind().subscription())) {
            b.addField(FieldSpec.builder(names.runtime("EventHub"), "events", Modifier.PRIVATE, Modifier.FINAL).build());
            ctor.addStatement("this.events = new $T(dataSource)", names.runtime("EventHub"));
        }
        ctor.addStatement("$T.Builder wiring = $T.newRuntimeWiring()", RUNTIME_WIRING, RUNTIME_WIRING)
                .addStatement("configure(wiring)")
                .addStatement("$T schema = new $T().makeExecutableSchema(new $T().parse(SDL), wiring.build())", ClassName.get("graphql.schema", "GraphQLSchema"),
                        ClassName.get("graphql.schema.idl", "SchemaGenerator"), ClassName.get("graphql.schema.idl", "SchemaParser"))
                .addStatement("$T.Builder builder = $T.newGraphQL(schema)", GRAPHQL, GRAPHQL)
                .addStatement("configureGraphQL(builder)")
                .addStatement("this.graphQL = builder.build()");
        b.addMethod(ctor.build());

        boolean encrypted = api.hasEncryptedFields();
        CodeBlock keyRing = encrypted ? CodeBlock.of("$T.fromEnvironmentIfSet()", names.runtime("KeyRing")) : CodeBlock.of("null");
        b.addMethod(MethodSpec.methodBuilder("defaultConfig").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(config)
                .addJavadoc("Limits from the schema's generator block, introspection on (development, tests, embedding)"
                        + (encrypted ? "; the key ring from ENCRYPTION_KEYS (which {@link #create} requires: the schema has @encrypted fields)" : "") + ".\n")
                .addStatement("return new $T($L, $T.defaults(), $L, $L, $L)", config, keyRing,
                        names.runtime("PasswordHasher"), api.settings().maxDepth(), api.settings().maxComplexity(), api.settings().maxPageSize())
                .build());
        b.addMethod(MethodSpec.methodBuilder("serverConfig").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(config)
                .addJavadoc("For a server: the generator block's limits, with introspection, document limits and trusted documents from the environment "
                        + "(see {@code ApiConfig.fromEnvironment}; introspection is off unless {@code GRAPHQL_INTROSPECTION} says otherwise).\n")
                .addStatement("return $T.fromEnvironment($L, $L, $L, $L)", config, keyRing, api.settings().maxDepth(), api.settings().maxComplexity(),
                        api.settings().maxPageSize())
                .build());
        MethodSpec.Builder create = MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addParameter(DataSource.class, "dataSource").addParameter(config, "config");
        if (encrypted) create.addStatement("if (config.keyRing() == null) throw new $T($S)", IllegalArgumentException.class,
                "the schema has @encrypted fields: ApiConfig needs a key ring (ENCRYPTION_KEYS)");
        b.addMethod(create.addStatement(caching ? "return new $T(dataSource, config, null)" : "return new $T(dataSource, config)", self).build());
        MethodSpec.Builder fromEnv = MethodSpec.methodBuilder("fromEnvironment").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("{@link #serverConfig()}" + (caching ? ", with the Redis cache layer when {@code REDIS_URL} is set" : "") + ".\n")
                .addParameter(DataSource.class, "dataSource");
        if (caching) {
            MethodSpec.Builder cached = MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                    .addJavadoc("With the Redis cache layer ({@code dbtool cache-setup}): cached reads, invalidation after writes, the query cache, sessions.\n")
                    .addParameter(DataSource.class, "dataSource").addParameter(config, "config").addParameter(names.runtime("CacheConfig"), "cacheConfig");
            if (encrypted) cached.addStatement("if (config.keyRing() == null) throw new $T($S)", IllegalArgumentException.class,
                    "the schema has @encrypted fields: ApiConfig needs a key ring (ENCRYPTION_KEYS)");
            b.addMethod(cached.addStatement("return new $T(dataSource, config, cacheConfig)", self).build());
            fromEnv.addStatement("String redis = System.getenv($S)", "REDIS_URL")
                    .addStatement("return redis == null || redis.isBlank() ? create(dataSource, serverConfig()) : create(dataSource, serverConfig(), $T.fromEnvironment($S))",
                            names.runtime("CacheConfig"), api.settings().basePackage());
        } else {
            fromEnv.addStatement("return create(dataSource, serverConfig())");
        }
        b.addMethod(fromEnv.build());
        MethodSpec.Builder sessions = MethodSpec.methodBuilder("sessionLookup").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(names.runtime("SessionLookup"))
                .addJavadoc("Session ids for {@code Authorization: Session <id>}: the cache layer's store, or null without one.\n");
        if (caching) sessions.addStatement("return cache == null ? null : id -> cache.sessions().get(id)");
        else sessions.addStatement("return null");
        b.addMethod(sessions.build());
        MethodSpec.Builder close = MethodSpec.methodBuilder("close").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).addJavadoc("Releases the cache layer's connections (the data source is the caller's).\n");
        java.util.Set<String> publishing = new java.util.TreeSet<>();
        for (OperationSpec op : api.operations()) if (op.kind().subscription()) publishing.add(op.model());
        if (!publishing.isEmpty()) {
            close.addStatement("events.close()");
            b.addMethod(MethodSpec.methodBuilder("eventHub").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(names.runtime("EventHub"))
                    .addJavadoc("The database listener feeding subscriptions (it connects with the first subscriber).\n").addStatement("return events").build());
        }
        b.addMethod(MethodSpec.methodBuilder("publishes").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addParameter(String.class, "type").addJavadoc("Whether writes of {@code type} are announced to subscriptions: " + (publishing.isEmpty() ? "none are" : String.join(", ", publishing)) + ".\n")
                .addCode(publishing.isEmpty() ? CodeBlock.of("return false;\n") : CodeBlock.of("return $T.of($L).contains(type);\n", java.util.Set.class,
                        String.join(", ", publishing.stream().map(x -> "\"" + x + "\"").toList()))).build());
        if (caching) {
            close.addStatement("if (cache != null) cache.close()");
            b.addMethod(MethodSpec.methodBuilder("cache").addModifiers(Modifier.PUBLIC).returns(names.runtime("ApiCache"))
                    .addJavadoc("The Redis cache layer, or null when the API was created without one.\n").addStatement("return cache").build());
        }
        b.addMethod(close.build());

        b.addMethod(getter("database", names.runtime("Database")).toBuilder().addAnnotation(Override.class).build());
        b.addMethod(getter("config", config).toBuilder().addAnnotation(Override.class).build());
        b.addMethod(getter("rules", names.runtime("RulesBase")).toBuilder()
                .addJavadoc("The row rules ({@link " + names.rules().canonicalName() + "}), applied wherever rows leave the API.\n").build());
        b.addMethod(getter("graphQL", GRAPHQL));
        for (ApiType t : api.types()) b.addMethod(getter(JavaNames.repositoryAccessor(t), names.repository(t.name())));

        MethodSpec.Builder configure = MethodSpec.methodBuilder("configure").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Adds scalars, enums, types and root fields to a wiring (also for Spring for GraphQL's RuntimeWiringConfigurer).\n")
                .addParameter(RUNTIME_WIRING.nestedClass("Builder"), "wiring");
        // the statements, in methods of at most 300 each: a method's bytecode may not pass 64 KB (civitai has 3,000 root fields)
        List<CodeBlock> steps = new java.util.ArrayList<>();
        steps.add(CodeBlock.of("$T.all().forEach(wiring::scalar)", names.runtime("Scalars")));
        for (ApiEnum e : api.enums()) {
            // a value named like a Java keyword is the constant `public_`: its GraphQL name maps to it explicitly
            List<String> renamed = e.values().stream().map(v -> v.name()).filter(v -> !JavaNames.identifier(v).equals(v)).toList();
            if (renamed.isEmpty()) {
                steps.add(CodeBlock.of("wiring.type($T.newTypeWiring($S).enumValues($T::valueOf))", TYPE_WIRING, e.name(), names.model(e.name())));
            } else {
                CodeBlock.Builder cases = CodeBlock.builder();
                for (String v : renamed) cases.add("case $S -> $T.$N;\n", v, names.model(e.name()), JavaNames.identifier(v));
                steps.add(CodeBlock.of("wiring.type($T.newTypeWiring($S).enumValues(n -> switch (n) {\n$>$Ldefault -> $T.valueOf(n);\n$<}))", TYPE_WIRING, e.name(),
                        cases.build(), names.model(e.name())));
            }
        }
        for (ApiType t : api.types()) {
            steps.add(CodeBlock.of("wiring.type($T.type(this))", names.wiring(t.name())));
            if (t.relations().stream().anyMatch(dev.dbtool.generators.api.ApiRelation::many)) steps.add(CodeBlock.of("wiring.type($T.countType(this))", names.wiring(t.name())));
        }
        List<OperationSpec> queries = api.operations().stream().filter(o -> !o.kind().mutation()).toList();
        List<OperationSpec> mutations = api.operations().stream().filter(o -> o.kind().mutation()).toList();
        List<OperationSpec> subscriptions = api.operations().stream().filter(o -> o.kind().subscription()).toList();
        queries = queries.stream().filter(o -> !o.kind().subscription()).toList();
        for (OperationSpec op : subscriptions) {
            steps.add(CodeBlock.of("wiring.type($T.newTypeWiring($S).dataFetcher($S, new $T(this)))", TYPE_WIRING, "Subscription", op.name(), names.resolver(op)));
        }
        if (queries.isEmpty()) steps.add(CodeBlock.of("wiring.type($T.newTypeWiring($S).dataFetcher($S, env -> true))", TYPE_WIRING, "Query", "ok"));
        for (OperationSpec op : queries)
            steps.add(CodeBlock.of("wiring.type($T.newTypeWiring($S).dataFetcher($S, new $T(this)))", TYPE_WIRING, "Query", op.name(), names.resolver(op)));
        for (OperationSpec op : mutations)
            steps.add(CodeBlock.of("wiring.type($T.newTypeWiring($S).dataFetcher($S, new $T(this)))", TYPE_WIRING, "Mutation", op.name(), names.resolver(op)));
        if (steps.size() <= 300) steps.forEach(configure::addStatement);
        else {
            for (int part = 0; part * 300 < steps.size(); part++) {
                MethodSpec.Builder piece = MethodSpec.methodBuilder("configure" + part).addModifiers(Modifier.PRIVATE).addParameter(RUNTIME_WIRING.nestedClass("Builder"), "wiring");
                steps.subList(part * 300, Math.min(steps.size(), (part + 1) * 300)).forEach(piece::addStatement);
                b.addMethod(piece.build());
                configure.addStatement("configure$L(wiring)", part);
            }
        }
        b.addMethod(configure.build());

        b.addMethod(MethodSpec.methodBuilder("configureGraphQL").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Depth and complexity limits, error codes and the parsed-query cache, for a GraphQL built elsewhere (Spring for GraphQL's configureGraphQl).\n")
                .addParameter(GRAPHQL.nestedClass("Builder"), "builder")
                .addStatement("builder.instrumentation(new $T($T.of($T.instrumentation(config), $T.INSTANCE)))",
                        ClassName.get("graphql.execution.instrumentation", "ChainedInstrumentation"), List.class, names.runtime("Limits"), names.runtime("FreshMutationFields"))
                .addStatement("builder.defaultDataFetcherExceptionHandler(new $T(CONSTRAINTS))", names.runtime("ErrorHandler"))
                .addStatement("builder.preparsedDocumentProvider(new $T(1000))", names.runtime("DocumentCache")).build());
        MethodSpec.Builder filterModel = MethodSpec.methodBuilder("filterModel").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(names.runtime("FilterModel")).addParameter(String.class, "type")
                .addJavadoc("What relation filters reach of each type.\n").addCode("return switch (type) {\n$>");
        MethodSpec.Builder rule = MethodSpec.methodBuilder("rule").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(names.runtime("Filter")).addParameter(String.class, "type").addParameter(names.runtime("Principal"), "principal")
                .addJavadoc("Each type's row rule, for relation filters: only the rows a caller may read count.\n").addCode("return switch (type) {\n$>");
        MethodSpec.Builder writeModel = MethodSpec.methodBuilder("writeModel").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(names.runtime("NestedWrites").nestedClass("Model")).addParameter(String.class, "type")
                .addJavadoc("What nested writes need of each type.\n").addCode("return switch (type) {\n$>");
        for (ApiType t : api.types()) {
            writeModel.addStatement("case $S -> $T.WRITES", t.name(), names.wiring(t.name()));
            filterModel.addStatement("case $S -> $T.FILTER", t.name(), names.wiring(t.name()));
            rule.addStatement("case $S -> rules.$N(principal)", t.name(), RulesWriter.method(t));
        }
        b.addMethod(filterModel.addStatement("default -> null").addCode("$<};\n").build());
        b.addMethod(writeModel.addStatement("default -> null").addCode("$<};\n").build());
        b.addMethod(rule.addStatement("default -> $T.ALL", names.runtime("Filter")).addCode("$<};\n").build());
        MethodSpec.Builder register = MethodSpec.methodBuilder("registerLoaders").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Adds every relation's DataLoader to a request's registry (Spring for GraphQL: a DataLoaderRegistrar).\n")
                .addParameter(REGISTRY, "registry");
        for (ApiType t : api.types()) if (!t.relations().isEmpty()) register.addStatement("$T.registerLoaders(registry, this)", names.wiring(t.name()));
        b.addMethod(register.build());
        b.addMethod(MethodSpec.methodBuilder("newDataLoaderRegistry").addModifiers(Modifier.PUBLIC).returns(REGISTRY)
                .addJavadoc("A fresh registry for one request (DataLoader caches must not outlive it).\n")
                .addStatement("$T registry = new $T()", REGISTRY, names.runtime("Projection").nestedClass("Registry")).addStatement("registerLoaders(registry)").addStatement("return registry").build());

        b.addMethod(MethodSpec.methodBuilder("execute").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(EXECUTION_RESULT)
                .addJavadoc("Runs one request as {@code principal}.\n")
                .addParameter(String.class, "query").addParameter(String.class, "operationName")
                .addParameter(ParameterizedTypeName.get(Map.class, String.class, Object.class), "variables").addParameter(names.runtime("Principal"), "principal")
                .addStatement("$T input = $T.input(config, query, operationName, variables, principal, newDataLoaderRegistry())",
                        EXECUTION_INPUT, names.runtime("Executions"))
                .addStatement("if ($T.atomic(query, operationName, config.parserOptions())) return $T.withCodes($T.atomically(database, () -> graphQL.execute(input)))",
                        names.runtime("Operations"), names.runtime("ErrorHandler"), names.runtime("Executions"))
                .addCode(caching ? CodeBlock.builder()
                        .beginControlFlow("if (cache != null)")
                        .addStatement("$T<String> who = new $T<>(principal.scopes())", java.util.Set.class, java.util.TreeSet.class)
                        .addStatement("if (principal.subject() != null) who.add(\"sub:\" + principal.subject())")
                        .addStatement("return $T.withCodes(cache.queries().execute(graphQL.getGraphQLSchema(), input, who, () -> graphQL.execute(input)))", names.runtime("ErrorHandler"))
                        .endControlFlow().build() : CodeBlock.of(""))
                .addStatement("return $T.withCodes(graphQL.execute(input))", names.runtime("ErrorHandler")).build());

        return b.build();
    }

    private static MethodSpec getter(String name, ClassName type) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type).addStatement("return $N", name).build();
    }
}
