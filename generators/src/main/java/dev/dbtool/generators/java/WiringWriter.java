package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.generators.api.ApiField;
import dev.dbtool.generators.api.ApiRelation;
import dev.dbtool.generators.api.ApiSchema;
import dev.dbtool.generators.api.ApiType;
import dev.dbtool.generators.graphql.SdlModel;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A type's graphql-java wiring: data fetchers for guarded fields ({@code @auth}) and relation fields (through
 * DataLoaders, registered here too), and the conversion of GraphQL input objects to the typed inputs.
 */
final class WiringWriter {
    private static final ClassName TYPE_WIRING = ClassName.get("graphql.schema.idl", "TypeRuntimeWiring");
    private static final ClassName REGISTRY = ClassName.get("org.dataloader", "DataLoaderRegistry");

    private WiringWriter() {}

    static TypeSpec write(ApiSchema api, ApiType t, JavaNames names) {
        ClassName row = names.model(t.name());
        ClassName auth = names.runtime("Auth");
        TypeSpec.Builder b = TypeSpec.classBuilder(t.name() + "Wiring").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("graphql-java wiring of the " + t.name() + " type: guarded fields, relations through DataLoaders, input conversion.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        CodeBlock.Builder scopes = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        int n = 0;
        for (ApiField f : t.fields()) {
            if ((f.filterable() || f.sortable()) && f.authScope() != null) scopes.add(n++ > 0 ? ", " : "").add("$T.entry($S, $S)", Map.class, f.name(), f.authScope());
        }
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(Map.class, String.class, String.class), "FIELD_SCOPES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Filterable or sortable fields guarded by {@code @auth}, and their scopes.\n").initializer(scopes.add(")").build()).build());
        ClassName filterModel = names.runtime("FilterModel");
        ClassName repository = names.repository(t.name());
        CodeBlock.Builder links = CodeBlock.builder().add("$T.ofEntries($>$>", Map.class);
        int l = 0;
        for (ApiRelation r : t.relations()) {
            ClassName target = names.repository(r.target());
            CodeBlock link;
            if (r.composite()) {
                CodeBlock outer = CodeBlock.join(r.localFields().stream().map(f -> CodeBlock.of("$T.COLUMNS.get($S).sql()", repository, f)).toList(), ", ");
                CodeBlock inner = CodeBlock.join(r.remoteFields().stream().map(f -> CodeBlock.of("$T.COLUMNS.get($S).sql()", target, f)).toList(), ", ");
                link = CodeBlock.of("$T.Link.direct($S, $L, $T.of($L), $T.of($L))", filterModel, r.target(), r.many(), List.class, outer, List.class, inner);
            } else {
                CodeBlock outer = CodeBlock.of("$T.COLUMNS.get($S).sql()", repository, r.localField());
                CodeBlock inner = CodeBlock.of("$T.COLUMNS.get($S).sql()", target, r.remoteField());
                link = r.kind() == ApiRelation.Kind.MANY_TO_MANY
                        ? CodeBlock.of("$T.Link.through($S, $L, $L, $S, $S, $S)", filterModel, r.target(), outer, inner, r.joinTable(), r.joinLocalColumn(), r.joinRemoteColumn())
                        : CodeBlock.of("$T.Link.direct($S, $L, $L, $L)", filterModel, r.target(), r.many(), outer, inner);
            }
            links.add(l++ > 0 ? ",\n" : "\n").add("$T.entry($S, $L)", Map.class, r.name(), link);
        }
        b.addField(FieldSpec.builder(filterModel, "FILTER", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("What a where input on " + t.name() + " may name, relations included (they compile to EXISTS subqueries).\n")
                .initializer("new $T($S, $T.TABLE, $T.QUERYABLE, $T.COLUMNS, FIELD_SCOPES, $L, $L)", filterModel, t.name(), repository, repository, repository,
                        t.readScope() == null ? "null" : "\"" + t.readScope() + "\"", links.add(")$<$<").build()).build());

        MethodSpec.Builder type = MethodSpec.methodBuilder("type").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TYPE_WIRING)
                .addParameter(names.api(), "api").addStatement("$T.Builder b = $T.newTypeWiring($S)", TYPE_WIRING, TYPE_WIRING, t.name());
        for (ApiField f : t.outputFields()) {
            // a field named like a Java keyword is the record's `package_()`: graphql-java's property lookup would miss it
            if (f.authScope() == null && !JavaNames.identifier(f.name()).equals(f.name())) {
                type.addStatement("b.dataFetcher($S, env -> env.<$T>getSource().$N())", f.name(), row, JavaNames.identifier(f.name()));
            }
            if (f.authScope() == null) continue;
            type.addStatement("b.dataFetcher($S, env -> {\n$>$T.require(env, $S);\nreturn env.<$T>getSource().$N();\n$<})", f.name(), auth, f.authScope(), row,
                    JavaNames.identifier(f.name()));
        }
        MethodSpec.Builder loaders = MethodSpec.methodBuilder("registerLoaders").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Adds this type's relation loaders to a request's registry (loaders other types already added are shared).\n")
                .addParameter(REGISTRY, "registry").addParameter(names.api(), "api");
        ClassName batches = names.runtime("Batches");
        for (ApiRelation r : t.relations()) {
            ApiType target = api.type(r.target()).orElseThrow();
            TypeName key = r.composite() ? ParameterizedTypeName.get(List.class, Object.class) : JavaTypes.of(t.field(r.localField()).orElseThrow(), names);
            CodeBlock sourceKey = sourceKey(r, row, names);
            CodeBlock keyOf = targetKey(r, names.model(r.target()), names);
            String finder = r.composite() ? RepositoryWriter.compositeFinder(r.remoteFields()) : "findBy" + RepositoryWriter.upper(r.remoteField()) + "In";
            ClassName targetRow = names.model(target.name());
            TypeName value = r.many() ? ParameterizedTypeName.get(ClassName.get(List.class), targetRow) : targetRow;
            String loader = r.loaderName(t.name());
            CodeBlock scope = target.readScope() == null ? CodeBlock.of("") : CodeBlock.of("$T.require(env, $S);\n", auth, target.readScope());
            String repo = JavaNames.repositoryAccessor(target);
            boolean keyed = !r.composite() && target.key().size() == 1 && target.key().get(0).name().equals(r.remoteField());
            // the shared loader: from the database, the columns the request's fetches recorded (Projection)
            CodeBlock wanted = CodeBlock.of("$T.wanted(registry, $S)", names.runtime("Projection"), loader);
            ClassName filter = names.runtime("Filter");
            CodeBlock plain = switch (r.kind()) {
                case TO_ONE_OWNER, TO_ONE_BACK -> CodeBlock.of("$T.one(api.database(), (c, keys) -> api.$N().$N(c, keys, $T.ALL, $L), $L)",
                        batches, repo, finder, filter, wanted, keyOf);
                case TO_MANY_BACK -> CodeBlock.of("$T.many(api.database(), (c, keys) -> api.$N().$N(c, keys, $T.ALL, $L), $L)",
                        batches, repo, finder, filter, wanted, keyOf);
                case MANY_TO_MANY -> CodeBlock.of("$T.<$T, $T>grouped(api.database(), (c, keys) -> api.$N().findFor$L$L(c, keys, $T.ALL, $L))",
                        batches, key, targetRow, repo, t.name(), RepositoryWriter.upper(r.name()), filter, wanted);
            };
            // the same loader narrowed to the target's row rule `r`, reading the columns `w` supplies
            CodeBlock restricted = switch (r.kind()) {
                case TO_ONE_OWNER, TO_ONE_BACK -> CodeBlock.of("$T.one(api.database(), (c, keys) -> api.$N().$N(c, keys, r, w.get()), $L)",
                        batches, repo, finder, keyOf);
                case TO_MANY_BACK -> CodeBlock.of("$T.many(api.database(), (c, keys) -> api.$N().$N(c, keys, r, w.get()), $L)",
                        batches, repo, finder, keyOf);
                case MANY_TO_MANY -> CodeBlock.of("$T.<$T, $T>grouped(api.database(), (c, keys) -> api.$N().findFor$L$L(c, keys, r, w.get()))",
                        batches, key, targetRow, repo, t.name(), RepositoryWriter.upper(r.name()));
            };
            ClassName targetRepository = names.repository(target.name());
            // the fields this fetch selects, and the field its loader groups rows by
            CodeBlock grouping = r.kind() == dev.dbtool.generators.api.ApiRelation.Kind.MANY_TO_MANY ? CodeBlock.of("$T.of()", List.class)
                    : CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(r.remoteFields().stream().map(f -> CodeBlock.of("$S", f)).toList(), ", "));
            CodeBlock rule = CodeBlock.of("$T rule = api.rules().$N($T.principal(env));\n$T<String> fields = $T.PROJECTION.selectedBy(env, null, $L);\n",
                    names.runtime("Filter"), RulesWriter.method(target), auth, java.util.Set.class, targetRepository, grouping);
            if (r.kind() == dev.dbtool.generators.api.ApiRelation.Kind.TO_MANY_BACK) {
                ClassName targetRepo = names.repository(target.name());
                CodeBlock keyColumns = r.composite()
                        ? CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(r.remoteFields().stream()
                                .map(f -> CodeBlock.of("$T.$L", targetRepo, RepositoryWriter.col(target.field(f).orElseThrow()))).toList(), ", "))
                        : CodeBlock.of("$T.$L", targetRepo, RepositoryWriter.col(target.field(r.remoteField()).orElseThrow()));
                CodeBlock pk = CodeBlock.of("$T.of($L)", List.class, String.join(", ", target.key().stream().map(k -> "\"" + k.name() + "\"").toList()));
                // first/orderBy lists of a cached target: groups of the target's cache, one per distinct arguments
                CodeBlock limitedCache = api.cacheEnabled() && target.cached() && !r.composite()
                        ? CodeBlock.of(",\napi.cache() == null ? null : (name, keys, load) -> api.cache().$N().groups(name, keys, load::load, $T::$N)",
                                ApiCacheWriter.accessor(target), targetRow, JavaNames.identifier(r.remoteField()))
                        : CodeBlock.of("");
                type.addStatement("b.dataFetcher($S, env -> {\n$>$L$L"
                                + "return $T.toMany(env, api, $L, $S, $T.FILTER, rule, fields,\n$>"
                                + "(c, keys, orderBy, limit, r, w, s) -> $T.firstPerKey(c, $T.TABLE, $T.PROJECTION.select(w, \"\"), $L, keys, $T.QUERYABLE, orderBy, $L, limit, r, $T.COLUMNS, api.$N()::read, s),\n"
                                + "(r, w) -> $L,\n$L$L);\n$<$<})",
                        r.name(), scope, rule, names.runtime("Relations"), sourceKey, loader, names.wiring(target.name()),
                        names.runtime("Rows"), targetRepo, targetRepo, keyColumns, targetRepo, pk, targetRepo, repo, restricted,
                        keyOf, limitedCache);
            } else if (r.kind() == dev.dbtool.generators.api.ApiRelation.Kind.MANY_TO_MANY) {
                // where/first/orderBy per parent through the join table, one statement per level
                ClassName targetRepo = names.repository(target.name());
                CodeBlock pk = CodeBlock.of("$T.of($L)", List.class, String.join(", ", target.key().stream().map(k -> "\"" + k.name() + "\"").toList()));
                type.addStatement("b.dataFetcher($S, env -> {\n$>$L$L"
                                + "return $T.<$T, $T>toManyThrough(env, api, $L, $S, $T.FILTER, rule, fields,\n$>"
                                + "(c, keys, orderBy, limit, r, w, s) -> $T.firstPerKeyThrough(c, $T.TABLE, $T.PROJECTION.select(w, \"t.\"), $S, $S, $S, $S, $S, keys, $T.COLUMNS, "
                                + "orderBy, $L, limit, r, api.$N()::read, $L, s),\n(r, w) -> $L);\n$<$<})",
                        r.name(), scope, rule, names.runtime("Relations"), key, targetRow, sourceKey, loader, names.wiring(target.name()),
                        names.runtime("Rows"), targetRepo, targetRepo, r.joinTable(), r.joinLocalColumn(), r.joinRemoteColumn(),
                        target.field(r.remoteField()).orElseThrow().column(), t.field(r.localField()).orElseThrow().cast(), targetRepo, pk, repo, target.recordFields().size(), restricted);
            } else {
                type.addStatement("b.dataFetcher($S, env -> {\n$>$L$Lreturn $T.<$T, $T>load(env, $L, $S, rule, fields, (r, w) -> $L);\n$<})",
                        r.name(), scope, rule, names.runtime("Relations"), key, value, sourceKey, loader, restricted);
            }
            CodeBlock cached = null;
            if (api.cacheEnabled() && target.cached() && !r.composite()) {
                String cache = ApiCacheWriter.accessor(target);
                if ((r.kind() == dev.dbtool.generators.api.ApiRelation.Kind.TO_ONE_OWNER || r.kind() == dev.dbtool.generators.api.ApiRelation.Kind.TO_ONE_BACK) && keyed) {
                    cached = CodeBlock.of("$T.<$T, $T>oneVia(keys -> api.cache().$N().byIds(keys, (c, ks) -> api.$N().findBy$LIn(c, ks), $T::$N), $T::$N)", batches, key, targetRow, cache, repo,
                            RepositoryWriter.upper(r.remoteField()), targetRow, JavaNames.identifier(r.remoteField()), targetRow, JavaNames.identifier(r.remoteField()));
                } else if (r.kind() == dev.dbtool.generators.api.ApiRelation.Kind.TO_MANY_BACK) {
                    cached = CodeBlock.of("$T.<$T, $T>groupedVia(keys -> api.cache().$N().groups($S, keys, (c, ks) -> api.$N().findBy$LIn(c, ks), $T::$N))", batches, key, targetRow, cache,
                            r.remoteField(), repo, RepositoryWriter.upper(r.remoteField()), targetRow, JavaNames.identifier(r.remoteField()));
                }
            }
            if (cached == null) loaders.addStatement("registry.computeIfAbsent($S, name -> $L)", loader, plain);
            else loaders.addStatement("registry.computeIfAbsent($S, name -> api.cache() != null\n$>? $L\n: $L$<)", loader, cached, plain);
        }
        List<ApiRelation> lists = t.relations().stream().filter(ApiRelation::many).toList();
        if (!lists.isEmpty()) {
            // `_count` resolves to the row itself; its fields count each list relation through a batched GROUP BY
            type.addStatement("b.dataFetcher($S, env -> env.getSource())", "_count");
            MethodSpec.Builder counts = MethodSpec.methodBuilder("countType").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TYPE_WIRING)
                    .addJavadoc("The {@code " + t.name() + "Count} type: each list relation's size, one statement per level.\n")
                    .addParameter(names.api(), "api").addStatement("$T.Builder b = $T.newTypeWiring($S)", TYPE_WIRING, TYPE_WIRING, t.name() + "Count");
            for (ApiRelation r : lists) {
                counts.addStatement("b.dataFetcher($S, env -> $T.load(env, api, FILTER, $S, $L))", r.name(), names.runtime("RelationCounts"), r.name(),
                        sourceKey(r, row, names));
            }
            b.addMethod(counts.addStatement("return b.build()").build());
        }
        b.addMethod(type.addStatement("return b.build()").build());
        b.addMethod(loaders.build());
        b.addMethod(createInput(t, names));
        if (!InputWriter.updatable(t).isEmpty()) b.addMethod(updateInput(t, names));
        b.addField(writes(api, t, names));
        b.addMethod(valueOf(t, names));
        return b.build();
    }

    /** {@code WRITES}: what nested writes need of this type (see the runtime's NestedWrites). */
    private static FieldSpec writes(ApiSchema api, ApiType t, JavaNames names) {
        ClassName nested = names.runtime("NestedWrites");
        ClassName repository = names.repository(t.name());
        String repo = JavaNames.repositoryAccessor(t);
        CodeBlock.Builder scopes = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        int n = 0;
        for (ApiField f : t.inputFields()) if (f.authScope() != null) scopes.add(n++ > 0 ? ", " : "").add("$T.entry($S, $S)", Map.class, f.name(), f.authScope());
        CodeBlock.Builder relations = CodeBlock.builder().add("$T.ofEntries($>$>", Map.class);
        int l = 0;
        for (ApiRelation r : t.relations()) {
            // views are never written
            if (api.type(r.target()).orElseThrow().readOnly() || t.readOnly()) continue;
            relations.add(l++ > 0 ? ",\n" : "\n").add("$T.entry($S, new $T.Relation($T.Kind.$L, $S, $T.of($L), $T.of($L)))", Map.class, r.name(), nested, nested,
                    r.kind().name(), r.target(), List.class, quoted(r.localFields()), List.class, quoted(r.remoteFields()));
        }
        List<String> uniques = new java.util.ArrayList<>();
        if (t.key().size() == 1) uniques.add(t.key().get(0).name());
        for (ApiField u : t.uniques()) uniques.add(u.name());
        CodeBlock compounds = t.key().size() > 1
                ? CodeBlock.of("$T.of($S, $T.of($L))", Map.class, SdlModel.compound(t).name(), List.class, quoted(t.key().stream().map(ApiField::name).toList()))
                : CodeBlock.of("$T.of()", Map.class);
        CodeBlock keyArgs = CodeBlock.join(java.util.stream.IntStream.range(0, t.key().size())
                .mapToObj(i -> CodeBlock.of("($T) key.get($L)", JavaTypes.of(t.key().get(i), names), i)).toList(), ", ");
        boolean updatable = !InputWriter.updatable(t).isEmpty();
        CodeBlock update = updatable ? CodeBlock.of("(c, api, key, in) -> (($T) api).$N().update(c, $L, update(in))", names.api(), repo, keyArgs)
                : CodeBlock.of("(c, api, key, in) -> { throw $T.badUserInput($T.of($S), $S); }", names.runtime("ApiException"), List.class, "data",
                        t.name() + " has no field an update could change.");
        CodeBlock checkUpdate = updatable ? CodeBlock.of("in -> $T.validate(update(in))", repository) : CodeBlock.of("in -> { }");
        return FieldSpec.builder(nested.nestedClass("Model"), "WRITES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("What nested writes (a relation field inside a create or update input) need of " + t.name() + ".\n")
                .initializer("new $T.Model($S, $L, $T.of($L), $T.of($L), $L, $L, $L,\n$>$>(c, api, in) -> (($T) api).$N().create(c, create(in)),\n$L,\n"
                                + "in -> $T.validate(create(in)),\n$L,\n$T::value)$<$<",
                        nested, t.name(), t.writeScope() == null ? "null" : "\"" + t.writeScope() + "\"", List.class,
                        String.join(", ", t.key().stream().map(k -> "\"" + k.name() + "\"").toList()), List.class,
                        String.join(", ", uniques.stream().map(u -> "\"" + u + "\"").toList()), compounds, scopes.add(")").build(), relations.add(")$<$<").build(),
                        names.api(), repo, update, repository, checkUpdate, names.wiring(t.name()))
                .build();
    }

    private static String quoted(List<String> names) { return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()); }

    /** The relation's key on the parent row: its field, or for a composite foreign key the list of its fields ({@code Keys.of}, null if one is). */
    private static CodeBlock sourceKey(ApiRelation r, ClassName row, JavaNames names) {
        if (!r.composite()) return CodeBlock.of("env.<$T>getSource().$N()", row, JavaNames.identifier(r.localField()));
        return CodeBlock.of("$T.of($L)", names.runtime("Keys"),
                CodeBlock.join(r.localFields().stream().map(f -> CodeBlock.of("env.<$T>getSource().$N()", row, JavaNames.identifier(f))).toList(), ", "));
    }

    /** How a loaded target row gives the key it answers: its remote field, or the list of them. */
    private static CodeBlock targetKey(ApiRelation r, ClassName targetRow, JavaNames names) {
        if (!r.composite()) return CodeBlock.of("$T::$N", targetRow, JavaNames.identifier(r.remoteField()));
        return CodeBlock.of("(($T v) -> $T.of($L))", targetRow, names.runtime("Keys"),
                CodeBlock.join(r.remoteFields().stream().map(f -> CodeBlock.of("v.$N()", JavaNames.identifier(f))).toList(), ", "));
    }

    /** {@code value(row, field)}: a field of a row by name, for nested writes (keys and the fields relations match). */
    private static MethodSpec valueOf(ApiType t, JavaNames names) {
        ClassName row = names.model(t.name());
        CodeBlock.Builder cases = CodeBlock.builder().add("return switch (field) {\n$>");
        for (ApiField f : t.recordFields()) cases.add("case $S -> r.$N();\n", f.name(), JavaNames.identifier(f.name()));
        cases.add("default -> throw new $T($S + field);\n$<};\n", IllegalArgumentException.class, "no field of " + t.name() + ": ");
        return MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(Object.class)
                .addJavadoc("A field of a " + t.name() + " by name.\n").addParameter(Object.class, "row").addParameter(String.class, "field")
                .addStatement("$T r = ($T) row", row, row).addCode(cases.build()).build();
    }

    private static CodeBlock value(ApiField f, JavaNames names, String map) {
        TypeName type = JavaTypes.of(f, names);
        if (f.list()) return CodeBlock.of("$T.listOf($N.get($S), $T.class)", names.runtime("Inputs"), map, f.name(), JavaTypes.element(f, names));
        return CodeBlock.of("($T) $N.get($S)", type, map, f.name());
    }

    private static MethodSpec createInput(ApiType t, JavaNames names) {
        CodeBlock.Builder args = CodeBlock.builder();
        List<ApiField> fields = t.inputFields();
        for (int i = 0; i < fields.size(); i++) args.add(i > 0 ? ",\n" : "").add(value(fields.get(i), names, "in"));
        return MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(names.create(t.name()))
                .addJavadoc("The {@code " + t.name() + "CreateInput} argument, as graphql-java coerced it.\n")
                .addParameter(Object.class, "input")
                .addStatement("$T<String, Object> in = $T.object(input)", Map.class, names.runtime("Inputs"))
                .addStatement("return new $T(\n$>$L$<)", names.create(t.name()), args.build()).build();
    }

    private static MethodSpec updateInput(ApiType t, JavaNames names) {
        CodeBlock.Builder args = CodeBlock.builder();
        List<ApiField> fields = InputWriter.updatable(t);
        ClassName v = names.runtime("Value");
        for (int i = 0; i < fields.size(); i++) {
            ApiField f = fields.get(i);
            args.add(i > 0 ? ",\n" : "").add("in.containsKey($S) ? $T.of($L) : $T.absent()", f.name(), v, value(f, names, "in"), v);
        }
        return MethodSpec.methodBuilder("update").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(names.update(t.name()))
                .addJavadoc("The {@code " + t.name() + "UpdateInput} argument: fields left out stay absent, explicit nulls are kept.\n")
                .addParameter(Object.class, "input")
                .addStatement("$T<String, Object> in = $T.object(input)", Map.class, names.runtime("Inputs"))
                .addStatement("return new $T(\n$>$L$<)", names.update(t.name()), args.build()).build();
    }
}
