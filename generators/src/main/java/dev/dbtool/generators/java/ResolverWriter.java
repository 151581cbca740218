package dev.dbtool.generators.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dbtool.generators.api.ApiField;
import dev.dbtool.generators.api.ApiType;
import dev.dbtool.generators.api.OperationSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Root fields, generation-gap style: {@code XResolverBase} (generated, rewritten each run) parses arguments, checks
 * scopes, opens the connection or transaction and maps results to errors; {@code XResolver} (a scaffold written once)
 * extends it, and may override the protected hook to add rules around the repository call.
 */
final class ResolverWriter {
    private static final ClassName DATA_FETCHER = ClassName.get("graphql.schema", "DataFetcher");
    private static final ClassName ENV = ClassName.get("graphql.schema", "DataFetchingEnvironment");

    private ResolverWriter() {}

    static TypeSpec base(dev.dbtool.generators.api.ApiSchema api, ApiType t, OperationSpec op, JavaNames names) {
        boolean cached = api.cacheEnabled() && t.cached();
        String cache = ApiCacheWriter.accessor(t);
        ClassName row = names.model(t.name());
        ClassName principal = names.runtime("Principal");
        ClassName auth = names.runtime("Auth");
        String repo = JavaNames.repositoryAccessor(t);
        TypeSpec.Builder b = TypeSpec.classBuilder(names.resolverBase(op)).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addSuperinterface(ParameterizedTypeName.get(DATA_FETCHER, ClassName.get(Object.class)))
                .addJavadoc("The plumbing of {@code " + op.name() + "} (" + op.kind().id() + " " + t.name() + "). Extend it in {@link "
                        + names.resolver(op).canonicalName() + "}.\n")
                .addField(names.api(), "api", Modifier.PROTECTED, Modifier.FINAL);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PROTECTED).addParameter(names.api(), "api").addStatement("this.api = api");
        MethodSpec.Builder get = MethodSpec.methodBuilder("get").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .returns(Object.class).addParameter(ENV, "env").addException(Exception.class);
        String scope = op.kind().mutation() ? t.writeScope() : t.readScope();
        get.addStatement("$T principal = $T.require(env, $L)", principal, auth, scope == null ? "null" : "\"" + scope + "\"");
        String keyNames = String.join(", ", t.key().stream().map(k -> JavaNames.identifier(k.name())).toList());
        ClassName nested = names.runtime("NestedWrites");
        switch (op.kind()) {
            case LIST -> {
                ClassName wiring = names.wiring(t.name());
                ClassName inputs = names.runtime("Inputs");
                get.addStatement("$T where = $T.where(env.getArgument($S), $T.FILTER, api, principal)", names.runtime("Filter"), inputs, "where", wiring)
                        .addStatement("$T<$T> orderBy = $T.orderBy(env.getArgument($S), $T.FILTER, api, principal)", List.class, names.runtime("OrderBy"), inputs,
                                "orderBy", wiring)
                        .addStatement("$T page = $T.page(env, api.config().maxPageSize())", names.runtime("PageRequest"), inputs);
                // without a hook of the user's (and without the cache, which keeps whole rows), read only the columns asked for
                get.beginControlFlow("if (!hooked$L)", cached ? " && api.cache() == null" : "")
                        .addStatement("$T<String> fields = $T.PROJECTION.selectedBy(env, $S, $T.of())", java.util.Set.class, names.repository(t.name()), "edges/node/*", List.class)
                        .addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t))
                        .addStatement("return api.database().read(c -> api.$N().findMany(c, where, rule, orderBy, page, fields))", repo)
                        .endControlFlow()
                        .addStatement("return fetch(principal, where, orderBy, page)");
                b.addField(FieldSpec.builder(boolean.class, "hooked", Modifier.PRIVATE, Modifier.FINAL)
                        .addJavadoc("Whether the subclass overrides {@code fetch}: then it gets whole rows, whatever the query selects.\n").build());
                constructor.addStatement("this.hooked = $T.overrides(getClass(), $T.class, $S, $T.class, $T.class, $T.class, $T.class)", names.runtime("Projection"),
                        names.resolverBase(op), "fetch", principal, names.runtime("Filter"), List.class, names.runtime("PageRequest"));
                MethodSpec.Builder fetch = MethodSpec.methodBuilder("fetch").addModifiers(Modifier.PROTECTED)
                        .addJavadoc("Loads the page" + (cached ? " (through the Redis cache when the API has one)" : "")
                                + ". Override to add rules, e.g. {@code super.fetch(principal, where.andAlso(Filter.eq(\"ownerId\", principal.subject())), orderBy, page)}.\n")
                        .returns(ParameterizedTypeName.get(names.runtime("Page"), row)).addParameter(principal, "principal")
                        .addParameter(names.runtime("Filter"), "where").addParameter(ParameterizedTypeName.get(ClassName.get(List.class), names.runtime("OrderBy")), "orderBy")
                        .addParameter(names.runtime("PageRequest"), "page").addException(SQLException.class);
                fetch.addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t));
                // a filter across relations depends on other tables' writes, which this type's page cache does not follow
                if (cached) fetch.beginControlFlow("if (api.cache() != null && !where.crossesRelations() && !$T.crossesRelations(orderBy))", names.runtime("OrderBy"))
                        .addStatement("return api.cache().$N().page(\"findMany|\" + where + \"|\" + rule + \"|\" + orderBy + \"|\" + page, c -> api.$N().findMany(c, where, rule, orderBy, page))",
                                cache, repo)
                        .endControlFlow();
                b.addMethod(fetch.addStatement("return api.database().read(c -> api.$N().findMany(c, where, rule, orderBy, page))", repo).build());
            }
            case GET -> {
                get.addStatement("return fetch(principal, env).orElse(null)");
                MethodSpec.Builder fetch = MethodSpec.methodBuilder("fetch").addModifiers(Modifier.PROTECTED)
                        .addJavadoc("Finds the row the arguments name" + (cached ? " (through the Redis cache when the API has one)" : "")
                                + ". Override to add rules (return empty to hide a row).\n")
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row))
                        .addParameter(principal, "principal").addParameter(ENV, "env").addException(SQLException.class);
                StringBuilder keyGiven = new StringBuilder();
                for (ApiField k : t.key()) keyGiven.append(keyGiven.length() > 0 ? " + " : "").append("(env.getArgument(\"").append(k.name()).append("\") != null ? 1 : 0)");
                fetch.addStatement("int keys = $L", keyGiven.toString());
                // a unique field inside a composite key (civitai's ModelReport: @@id([reportId, modelId]), reportId @unique) is one
                // argument: alone it names the row by itself, with the rest of the key by the key
                StringBuilder uniqueGiven = new StringBuilder("0");
                for (ApiField u : t.uniques()) if (!t.key().contains(u)) uniqueGiven.append(" + (env.getArgument(\"").append(u.name()).append("\") != null ? 1 : 0)");
                fetch.addStatement("int uniques = $L", uniqueGiven.toString());
                fetch.addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t));
                String expected = t.key().size() > 1 ? "all of " + String.join(", ", t.key().stream().map(ApiField::name).toList()) : t.key().get(0).name();
                if (!t.uniques().isEmpty()) expected += ", or exactly one of " + String.join(", ", t.uniques().stream().map(ApiField::name).toList());
                fetch.beginControlFlow("if (keys == $L && uniques == 0)", t.key().size());
                for (ApiField k : t.key()) fetch.addStatement("$T $N = env.getArgument($S)", JavaTypes.of(k, names), JavaNames.identifier(k.name()), k.name());
                fetch.addStatement("if (!rule.isAll()) return first(api.database().read(c -> api.$N().findMany(c, $T.ALL, $L.andAlso(rule), $T.of(), $T.first(1))))",
                        repo, names.runtime("Filter"), equalities(t.key(), names), List.class, names.runtime("PageRequest"));
                if (cached && t.key().size() == 1) {
                    ApiField k = t.key().get(0);
                    fetch.beginControlFlow("if (api.cache() != null)")
                            .addStatement("return api.cache().$N().byIds($T.of($N), (c, ks) -> api.$N().findBy$LIn(c, ks), $T::$N).stream().findFirst()", cache, List.class,
                                    JavaNames.identifier(k.name()), repo, RepositoryWriter.upper(k.name()), row, JavaNames.identifier(k.name()))
                            .endControlFlow();
                }
                fetch.addStatement("return api.database().read(c -> api.$N().findById(c, $L))", repo, keyNames).endControlFlow();
                for (ApiField u : t.uniques()) {
                    String id = JavaNames.identifier(u.name());
                    fetch.beginControlFlow(t.key().contains(u) ? "if (keys == 1 && uniques == 0 && env.getArgument($S) != null)"
                            : "if (keys == 0 && uniques == 1 && env.getArgument($S) != null)", u.name())
                            .addStatement("$T $N = env.getArgument($S)", JavaTypes.of(u, names), id, u.name())
                            .addStatement("if (!rule.isAll()) return first(api.database().read(c -> api.$N().findMany(c, $T.ALL, $L.andAlso(rule), $T.of(), $T.first(1))))",
                                    repo, names.runtime("Filter"), equalities(List.of(u), names), List.class, names.runtime("PageRequest"));
                    if (cached) {
                        fetch.beginControlFlow("if (api.cache() != null)")
                                .addStatement("$T<$T> found = api.cache().$N().rows($S + $N, c -> api.$N().findBy$L(c, $N).map($T::of).orElse($T.of()))",
                                        List.class, row, cache, u.name() + "=", id, repo, RepositoryWriter.upper(u.name()), id, List.class, List.class)
                                .addStatement("return found.stream().findFirst()").endControlFlow();
                    }
                    fetch.addStatement("return api.database().read(c -> api.$N().findBy$L(c, $N))", repo, RepositoryWriter.upper(u.name()), id).endControlFlow();
                }
                fetch.addStatement("throw $T.badUserInput($T.of(), $S)", names.runtime("ApiException"), List.class, "Pass " + expected + ".");
                b.addMethod(fetch.build());
                b.addMethod(MethodSpec.methodBuilder("first").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row))
                        .addParameter(ParameterizedTypeName.get(names.runtime("Page"), row), "page")
                        .addStatement("return page.edges().stream().findFirst().map($T.Edge::node)", names.runtime("Page")).build());
            }
            case CREATE -> {
                // nested writes: the whole input tree is checked (every problem at once, every scope) before any SQL
                get.addStatement("$T nested = $T.of(api, principal)", nested, nested)
                        .addStatement("nested.checkCreate($S, env.getArgument($S), $S)", t.name(), "data", "data")
                        .addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t))
                        .addStatement("$T created = api.database().transaction(c -> {\n$>"
                                + "$T data = $T.create(nested.before(c, $S, env.getArgument($S), null, $S));\n"
                                + "$T row = create(c, principal, data);\n"
                                + "// the new row must be one the caller may see: else the write is refused and rolled back\n"
                                + "if (!rule.isAll() && !api.$N().visible(c, $L, rule)) throw $T.hiddenRow($S);\n"
                                + "nested.after(c, $S, env.getArgument($S), row, $S);\n$L"
                                + "nested.publish(c, $S, $T.of($L));\nreturn row;\n$<})",
                                row, names.create(t.name()), names.wiring(t.name()), t.name(), "data", "data", row, repo, keyOf("row", t),
                                names.runtime("ApiException"), t.name(), t.name(), "data", "data", announce(api, t, "CREATED", "row", names), t.name(), List.class,
                                keyOf("row", t));
                if (api.cacheEnabled()) {
                    get.addStatement("if (api.cache() != null) api.database().afterCommit(() -> api.cache().afterWrite($S, $T.of($L), false))", t.name(), List.class,
                            String.join(", ", t.key().stream().map(k -> "created." + JavaNames.identifier(k.name()) + "()").toList()));
                    invalidateNested(get);
                }
                get.addStatement("return created");
                b.addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PROTECTED)
                        .addJavadoc("Inserts the row (inside the mutation's transaction, after the rows its input's relations create or connect). Override to add "
                                + "rules or side effects.\n")
                        .returns(row).addParameter(Connection.class, "c").addParameter(principal, "principal").addParameter(names.create(t.name()), "data")
                        .addException(SQLException.class).addStatement("return api.$N().create(c, data)", repo).build());
            }
            case UPSERT -> {
                String uniqueNames = String.join(", ", java.util.stream.Stream.concat(t.key().stream(), t.uniques().stream()).map(f -> "\"" + f.name() + "\"").toList());
                get.addStatement("$T where = $T.unique(env.getArgument($S), $T.of($L))", names.runtime("Filter"), names.runtime("Inputs"), "where", List.class, uniqueNames)
                        .addStatement("$T nested = $T.of(api, principal)", nested, nested)
                        .addStatement("nested.checkCreate($S, env.getArgument($S), $S)", t.name(), "create", "create")
                        .addStatement("nested.checkUpdate($S, env.getArgument($S), $S)", t.name(), "update", "update");
                // a row the caller may not see is as absent as to their reads: the insert then meets the unique constraint (CONFLICT)
                get.addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t))
                        .addStatement("$T written = api.database().transaction(c -> {\n$>"
                                + "$T<$T> existing = api.$N().findMany(c, where, rule, $T.of(), $T.first(1)).edges().stream().findFirst().map($T.Edge::node);\n"
                                + "String argument = existing.isPresent() ? $S : $S;\n"
                                + "$T row = existing.isPresent()\n$>? api.$N().update(c, $L, $T.update(nested.before(c, $S, env.getArgument(argument), $T.of($L), argument))).orElseThrow()\n"
                                + ": api.$N().create(c, $T.create(nested.before(c, $S, env.getArgument(argument), null, argument)));\n$<"
                                + "if (!rule.isAll() && !api.$N().visible(c, $L, rule)) throw $T.hiddenRow($S);\n"
                                + "nested.after(c, $S, env.getArgument(argument), row, argument);\n$L"
                                + "nested.publish(c, $S, $T.of($L));\nreturn row;\n$<})",
                                row, Optional.class, row, repo, List.class, names.runtime("PageRequest"), names.runtime("Page"), "update", "create",
                                row, repo, keyOf("existing.get()", t), names.wiring(t.name()), t.name(), List.class, keyOf("existing.get()", t),
                                repo, names.wiring(t.name()), t.name(),
                                repo, keyOf("row", t), names.runtime("ApiException"), t.name(), t.name(),
                                announce(api, t, "existing.isPresent() ? UPDATED : CREATED", "row", names), t.name(), List.class, keyOf("row", t));
                if (api.cacheEnabled()) {
                    get.addStatement("if (api.cache() != null) api.database().afterCommit(() -> api.cache().afterWrite($S, $T.of($L), false))", t.name(),
                            List.class, keyOf("written", t));
                    invalidateNested(get);
                }
                get.addStatement("return written");
            }
            case AGGREGATE, GROUP_BY -> {
                boolean grouped = op.kind() == dev.dbtool.generators.api.OperationKind.GROUP_BY;
                get.addStatement("$T where = rows(principal, $T.where(env.getArgument($S), $T.FILTER, api, principal))", names.runtime("Filter"), names.runtime("Inputs"),
                                "where", names.wiring(t.name()))
                        .addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t));
                if (grouped) {
                    get.addStatement("return api.database().read(c -> $T.groupBy(c, env, $T.FILTER, where, rule, principal, api.config().maxPageSize()))",
                            names.runtime("Aggregates"), names.wiring(t.name()));
                } else {
                    get.addStatement("return api.database().read(c -> $T.aggregate(c, env, $T.FILTER, where, rule, principal))", names.runtime("Aggregates"),
                            names.wiring(t.name()));
                }
                b.addMethod(MethodSpec.methodBuilder("rows").addModifiers(Modifier.PROTECTED)
                        .addJavadoc("The rows aggregated: the client's filter (the caller's row rule is added after). Override to narrow it, e.g. {@code "
                                + "where.andAlso(Filter.eq(\"ownerId\", principal.subject()))}.\n")
                        .returns(names.runtime("Filter")).addParameter(principal, "principal").addParameter(names.runtime("Filter"), "where")
                        .addStatement("return where").build());
            }
            case CREATE_MANY -> {
                ClassName repository = names.repository(t.name());
                get.addStatement("$T<$T<String, Object>> inputs = env.getArgument($S)", List.class, java.util.Map.class, "data");
                for (ApiField f : t.inputFields()) {
                    if (f.authScope() != null) get.addStatement("if (inputs.stream().anyMatch(in -> in.get($S) != null)) $T.require(principal, $S)", f.name(), auth, f.authScope());
                }
                get.addStatement("$T<$T> rows = inputs.stream().map($T::create).toList()", List.class, names.create(t.name()), names.wiring(t.name()))
                        .addStatement("boolean skipDuplicates = $T.TRUE.equals(env.getArgument($S))", Boolean.class, "skipDuplicates")
                        .addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t));
                CodeBlock.Builder tx = CodeBlock.builder().add("c -> {\n$>$T<$T<Object>> written = api.$N().createMany(c, rows, skipDuplicates);\n", List.class, List.class, repo)
                        .add("// every new row must be one the caller may see, as for one row\n")
                        .add("$T.mustStayVisible(c, $T.TABLE, written, $T.of($L), rule, $T.COLUMNS, $S);\n", names.runtime("BulkWrites"), repository, List.class,
                                String.join(", ", t.key().stream().map(k -> repository.simpleName() + "." + RepositoryWriter.col(k)).toList()), repository, t.name());
                if (publishes(api, t)) tx.add("$T.changed(c, $S, $T.Op.CREATED, written);\n", names.runtime("Events"), t.name(), names.runtime("Events"));
                get.addStatement("$T<$T<Object>> keys = api.database().transaction($L)", List.class, List.class, tx.add("return written;\n$<}").build());
                if (api.cacheEnabled()) {
                    if (t.key().size() == 1) {
                        get.addStatement("if (api.cache() != null && !keys.isEmpty()) api.database().afterCommit(() -> api.cache().afterWrite($S, keys.stream().map(k -> k.get(0)).toList(), false))", t.name());
                    } else {
                        get.addStatement("if (api.cache() != null) api.database().afterCommit(() -> keys.forEach(k -> api.cache().afterWrite($S, k, false)))", t.name());
                    }
                }
                get.addStatement("return $T.of($S, keys.size())", java.util.Map.class, "count");
            }
            case EVENTS -> {
                ClassName page = names.runtime("Page");
                get.addStatement("$T where = rows(principal, $T.where(env.getArgument($S), $T.FILTER, api, principal))", names.runtime("Filter"), names.runtime("Inputs"),
                                "where", names.wiring(t.name()))
                        .addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t))
                        .addStatement("$T<String> events = env.getArgument($S)", List.class, "events")
                        .addStatement("return $T.subscribe(env, api, $T.FILTER, where, rule, $T.of($L), events == null ? null : $T.copyOf(events),\n$>"
                                        + "(c, f, limit) -> api.$N().findMany(c, $T.ALL, f, $T.of(), $T.first(limit)).edges().stream().map($T.Edge::node).toList(),\n$T::value)$<",
                                names.runtime("Subscriptions"), names.wiring(t.name()), List.class,
                                String.join(", ", t.key().stream().map(k -> "\"" + k.name() + "\"").toList()), java.util.Set.class,
                                repo, names.runtime("Filter"), List.class, names.runtime("PageRequest"), page, names.wiring(t.name()));
                b.addMethod(MethodSpec.methodBuilder("rows").addModifiers(Modifier.PROTECTED)
                        .addJavadoc("The rows whose writes the subscriber hears of: the client's filter (the caller's row rule is added after). Override to narrow "
                                + "it, e.g. {@code where.andAlso(Filter.eq(\"ownerId\", principal.subject()))}.\n")
                        .returns(names.runtime("Filter")).addParameter(principal, "principal").addParameter(names.runtime("Filter"), "where")
                        .addStatement("return where").build());
            }
            case UPDATE_MANY, DELETE_MANY -> {
                boolean update = op.kind() == dev.dbtool.generators.api.OperationKind.UPDATE_MANY;
                get.addStatement("$T where = $T.where(env.getArgument($S), $T.FILTER, api, principal)", names.runtime("Filter"), names.runtime("Inputs"), "where",
                        names.wiring(t.name()));
                if (update) {
                    get.addStatement("$T patch = $T.update(env.getArgument($S))", names.update(t.name()), names.wiring(t.name()), "data");
                    for (ApiField f : InputWriter.updatable(t)) {
                        if (f.authScope() != null) get.addStatement("if (patch.$N().isPresent()) $T.require(principal, $S)", JavaNames.identifier(f.name()), auth, f.authScope());
                    }
                }
                // only rows the caller may read can be written, as for one row
                get.addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t));
                if (!publishes(api, t)) {
                    get.addStatement("$T<$T<Object>> keys = api.database().transaction(c -> api.$N().$L)", List.class, List.class, repo,
                            update ? "updateMany(c, where, rule, patch)" : "deleteMany(c, where, rule)");
                } else if (update) {
                    get.addStatement("$T<$T<Object>> keys = api.database().transaction(c -> {\n$>$T<$T<Object>> written = api.$N().updateMany(c, where, rule, patch);\n"
                            + "$T.changed(c, $S, $T.Op.UPDATED, written);\nreturn written;\n$<})", List.class, List.class, List.class, List.class, repo,
                            names.runtime("Events"), t.name(), names.runtime("Events"));
                } else {
                    get.addStatement("$T<$T<Object>> keys = api.database().transaction(c -> {\n$>$T.deletingWhere(c, $S, $T.TABLE, where, $T.QUERYABLE, rule, $T.COLUMNS);\n"
                            + "return api.$N().deleteMany(c, where, rule);\n$<})", List.class, List.class, names.runtime("Events"), t.name(), names.repository(t.name()),
                            names.repository(t.name()), names.repository(t.name()), repo);
                }
                if (api.cacheEnabled()) {
                    if (t.key().size() == 1) {
                        get.addStatement("if (api.cache() != null && !keys.isEmpty()) api.database().afterCommit(() -> api.cache().afterWrite($S, keys.stream().map(k -> k.get(0)).toList(), $L))", t.name(), !update);
                    } else {
                        get.addStatement("if (api.cache() != null) api.database().afterCommit(() -> keys.forEach(k -> api.cache().afterWrite($S, k, $L)))", t.name(), !update);
                    }
                }
                get.addStatement("return $T.of($S, keys.size())", java.util.Map.class, "count");
            }
            case UPDATE, DELETE -> {
                boolean update = op.kind() == dev.dbtool.generators.api.OperationKind.UPDATE;
                for (ApiField k : t.key())
                    get.addStatement("$T $N = env.getArgument($S)", JavaTypes.of(k, names), JavaNames.identifier(k.name()), k.name());
                if (update) {
                    get.addStatement("$T nested = $T.of(api, principal)", nested, nested)
                            .addStatement("nested.checkUpdate($S, env.getArgument($S), $S)", t.name(), "data", "data");
                }
                String call = update ? "update(c, principal, " + keyNames + ", patch)" : "delete(c, principal, " + keyNames + ")";
                get.addStatement("$T rule = api.rules().$N(principal)", names.runtime("Filter"), RulesWriter.method(t));
                // a row the caller may not see cannot be changed either: it is as absent as it is to their reads
                CodeBlock.Builder tx = CodeBlock.builder().add("c -> {\n$>")
                        .add("if (!rule.isAll() && !api.$N().visible(c, $L, rule)) return $T.<$T>empty();\n", repo, keyNames, Optional.class, row);
                // a deleted row's last version is kept for subscribers (their filters and rules are matched against it)
                if (!update && publishes(api, t)) {
                    tx.add("$T.deletingRow(c, $S, $T.TABLE, $T.of($L), $T.of($L));\n", names.runtime("Events"), t.name(), names.repository(t.name()), List.class,
                            String.join(", ", t.key().stream().map(k -> names.repository(t.name()).simpleName() + "." + RepositoryWriter.col(k)).toList()), List.class, keyNames);
                }
                if (update) tx.add("$T patch = $T.update(nested.before(c, $S, env.getArgument($S), $T.of($L), $S));\n", names.update(t.name()), names.wiring(t.name()),
                        t.name(), "data", List.class, keyNames, "data");
                tx.add("$T<$T> done = $L;\n", Optional.class, row, call);
                // the deleted row was announced above: a hook that deletes nothing must roll that back
                if (!update && publishes(api, t)) tx.add("if (done.isEmpty()) throw $T.notFound($S);\n", names.runtime("ApiException"), t.name());
                if (update) {
                    tx.add("if (done.isPresent() && !rule.isAll() && !api.$N().visible(c, $L, rule)) throw $T.hiddenRow($S);\n", repo,
                            keyOf("done.get()", t), names.runtime("ApiException"), t.name());
                    tx.add("if (done.isPresent()) {\n$>nested.after(c, $S, env.getArgument($S), done.get(), $S);\n$L", t.name(), "data", "data",
                            announce(api, t, "UPDATED", "done.get()", names));
                    tx.add("nested.publish(c, $S, $T.of($L));\n$<}\n", t.name(), List.class, keyOf("done.get()", t));
                }
                tx.add("return done;\n$<}");
                get.addStatement("$T written = api.database().transaction($L).orElseThrow(() -> $T.notFound($S))", row, tx.build(), names.runtime("ApiException"), t.name());
                if (api.cacheEnabled()) {
                    get.addStatement("if (api.cache() != null) api.database().afterCommit(() -> api.cache().afterWrite($S, $T.of($L), $L))", t.name(), List.class, keyNames, !update);
                    if (update) invalidateNested(get);
                }
                get.addStatement("return written");
                MethodSpec.Builder hook = MethodSpec.methodBuilder(update ? "update" : "delete").addModifiers(Modifier.PROTECTED)
                        .addJavadoc((update ? "Changes" : "Deletes") + " the row (inside the mutation's transaction); empty becomes NOT_FOUND. Override to add rules.\n")
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), row)).addParameter(Connection.class, "c").addParameter(principal, "principal");
                for (ApiField k : t.key()) hook.addParameter(JavaTypes.of(k, names), JavaNames.identifier(k.name()));
                if (update) hook.addParameter(names.update(t.name()), "patch");
                hook.addException(SQLException.class).addStatement("return api.$N().$L", repo,
                        update ? "update(c, " + keyNames + ", patch)" : "delete(c, " + keyNames + ")");
                b.addMethod(hook.build());
            }
        }
        return b.addMethod(constructor.build()).addMethod(get.build()).build();
    }

    /** Whether the model has a subscription field, so its writes are announced ({@code Events}). */
    private static boolean publishes(dev.dbtool.generators.api.ApiSchema api, ApiType t) {
        return api.operations().stream().anyMatch(op -> op.kind().subscription() && op.model().equals(t.name()));
    }

    /** Inside a write's transaction: {@code Events.changed(c, "Post", op, List.of(List.of(row.id())))}, for models with subscriptions. */
    private static CodeBlock announce(dev.dbtool.generators.api.ApiSchema api, ApiType t, String op, String row, JavaNames names) {
        if (!publishes(api, t)) return CodeBlock.of("");
        ClassName events = names.runtime("Events");
        String opExpression = op.contains("?") ? op.replace("UPDATED", events.simpleName() + ".Op.UPDATED").replace("CREATED", events.simpleName() + ".Op.CREATED")
                : events.simpleName() + ".Op." + op;
        return CodeBlock.of("$T.changed(c, $S, $L, $T.of($T.of($L)));\n", events, t.name(), opExpression, List.class, List.class, keyOf(row, t));
    }

    /** After the commit, the rows nested writes changed leave the cache too. */
    private static void invalidateNested(MethodSpec.Builder get) {
        get.addStatement("if (api.cache() != null && !nested.written().isEmpty()) api.database().afterCommit(() -> nested.written().forEach(w -> api.cache().afterWrite(w.type(), w.ids(), w.deleted())))");
    }

    /** {@code Filter.eq("a", a).andAlso(Filter.eq("b", b))} for the given fields, from local variables of their names. */
    private static CodeBlock equalities(List<ApiField> fields, JavaNames names) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (int i = 0; i < fields.size(); i++) {
            ApiField f = fields.get(i);
            b.add(i == 0 ? "$T.eq($S, $N)" : ".andAlso($T.eq($S, $N))", names.runtime("Filter"), f.name(), JavaNames.identifier(f.name()));
        }
        return b.build();
    }

    /** The key values of a row expression, as arguments: {@code row.id()} or {@code row.a(), row.b()}. */
    private static String keyOf(String rowExpression, ApiType t) {
        return String.join(", ", t.key().stream().map(k -> rowExpression + "." + JavaNames.identifier(k.name()) + "()").toList());
    }

    private static Object[] concat(Object first, Object[] rest) {
        Object[] out = new Object[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    static TypeSpec scaffold(ApiType t, OperationSpec op, JavaNames names) {
        return TypeSpec.classBuilder(names.resolver(op)).addModifiers(Modifier.PUBLIC).superclass(names.resolverBase(op))
                .addJavadoc("The {@code " + op.name() + "} " + (op.kind().mutation() ? "mutation" : "query") + " (" + op.kind().id() + " " + t.name()
                        + "). Written once by dbtool and yours to edit: override the protected hook of {@link " + names.resolverBase(op).simpleName()
                        + "} to add rules.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameter(names.api(), "api").addStatement("super(api)").build())
                .build();
    }
}
