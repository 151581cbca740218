package dev.dbtool.generators.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * The Spring for GraphQL configuration of the generated API ({@code spring = "true"} in the generator block): the
 * schema with the API's wiring, limits and error handler as the application's {@code GraphQlSource}; per request, the
 * API's DataLoader registry, the caller as a {@code Principal} read from Spring Security's authentication (subject, and
 * scopes from the {@code SCOPE_} authorities a resource server derives from {@code scope} / {@code scp}), the parser's
 * token limits and who may introspect; error codes as the API's own endpoint gives them. The application defines the
 * {@code Api} bean ({@code Api.fromEnvironment(dataSource)}, or {@code Api.create} with its own settings): a bean here
 * that backs off for the application's would depend on the order Spring reads configuration classes in.
 */
final class SpringConfigWriter {
    static final String NAME = "DbtoolGraphQlConfiguration";
    private static final ClassName CONFIGURATION = ClassName.get("org.springframework.context.annotation", "Configuration");
    private static final ClassName BEAN = ClassName.get("org.springframework.context.annotation", "Bean");
    private static final ClassName GRAPHQL_SOURCE = ClassName.get("org.springframework.graphql.execution", "GraphQlSource");
    private static final ClassName INTERCEPTOR = ClassName.get("org.springframework.graphql.server", "WebGraphQlInterceptor");
    private static final ClassName SECURITY_CONTEXT = ClassName.get("org.springframework.security.core.context", "SecurityContextHolder");
    private static final ClassName AUTHENTICATION = ClassName.get("org.springframework.security.core", "Authentication");
    private static final ClassName ANONYMOUS_TOKEN = ClassName.get("org.springframework.security.authentication", "AnonymousAuthenticationToken");
    private static final ClassName GRANTED = ClassName.get("org.springframework.security.core", "GrantedAuthority");

    private SpringConfigWriter() {}

    static TypeSpec write(JavaNames names) {
        ClassName api = names.runtime("Api");
        ClassName principal = names.runtime("Principal");
        ClassName auth = names.runtime("Auth");
        return TypeSpec.classBuilder(NAME).addModifiers(Modifier.PUBLIC)
                .addJavadoc("Serves the generated API through Spring for GraphQL with the same wiring, DataLoaders, scopes, limits, error codes and cache\n"
                        + "as its own endpoint. Needs spring-boot-starter-graphql, Spring Security (a resource server for JWTs) and an {@code Api} bean, e.g.\n"
                        + "{@code @Bean Api api(DataSource ds) { return Api.fromEnvironment(ds); }}. The query cache of whole results belongs to\n"
                        + "{@code Api.execute} and is not used here; rows, pages and relations are cached as usual.\n")
                .addAnnotation(AnnotationSpec.builder(CONFIGURATION).addMember("proxyBeanMethods", "false").build())
                .addMethod(MethodSpec.methodBuilder("graphQlSource").addAnnotation(BEAN).addModifiers(Modifier.PUBLIC).returns(GRAPHQL_SOURCE).addParameter(api, "api")
                        .addStatement("return $T.builder(api.graphQL().getGraphQLSchema()).configureGraphQl(api::configureGraphQL).build()", GRAPHQL_SOURCE).build())
                .addMethod(MethodSpec.methodBuilder("dbtoolRequests").addAnnotation(BEAN).addModifiers(Modifier.PUBLIC).returns(INTERCEPTOR).addParameter(api, "api")
                        .addJavadoc("Each request: the API's DataLoader registry, the caller, the parser's limits, introspection; error codes on the way out.\n")
                        .addCode("return (request, chain) -> {\n$>")
                        // Spring runs each field on its own: a mutation asking for one transaction is refused, not run piecemeal
                        .beginControlFlow("if ($T.atomic(request.getDocument(), request.getOperationName(), api.config().parserOptions()))", names.runtime("Operations"))
                        .addStatement("$T refused = $T.newExecutionResult().addError($T.newError().message($S).extensions($T.of($S, $S)).build()).build()",
                                ClassName.get("graphql", "ExecutionResult"), ClassName.get("graphql", "ExecutionResult"), ClassName.get("graphql", "GraphqlErrorBuilder"),
                                "@transaction runs on the API's own endpoint; through Spring for GraphQL each field would commit on its own", java.util.Map.class, "code", "BAD_REQUEST")
                        .addStatement("return $T.just(new $T(new $T(request.toExecutionInput(), refused)))", ClassName.get("reactor.core.publisher", "Mono"),
                                ClassName.get("org.springframework.graphql.server", "WebGraphQlResponse"),
                                ClassName.get("org.springframework.graphql.support", "DefaultExecutionGraphQlResponse"))
                        .endControlFlow()
                        .addStatement("$T principal = principal($T.getContext().getAuthentication())", principal, SECURITY_CONTEXT)
                        .addCode("request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(api.newDataLoaderRegistry()).graphQLContext(context -> context\n$>$>")
                        .addCode(".of($T.PRINCIPAL, principal)\n", auth)
                        .addCode(".of($T.class, api.config().parserOptions())\n", ClassName.get("graphql.parser", "ParserOptions"))
                        .addCode(".of($T.INTROSPECTION_DISABLED, !api.config().introspection().allows(principal))).build());\n$<$<",
                                ClassName.get("graphql.introspection", "Introspection"))
                        .addStatement("return chain.next(request).map(response -> response.transform(b -> b.errors($T.withCodes(response.getExecutionResult()).getErrors())))",
                                names.runtime("ErrorHandler"))
                        .addCode("$<};\n").build())
                .addMethod(MethodSpec.methodBuilder("principal").addModifiers(Modifier.STATIC).returns(principal).addParameter(AUTHENTICATION, "authentication")
                        .addJavadoc("Spring Security's authentication as the API's principal: anonymous unless authenticated; scopes from {@code SCOPE_} authorities.\n")
                        .beginControlFlow("if (authentication == null || !authentication.isAuthenticated() || authentication instanceof $T)", ANONYMOUS_TOKEN)
                        .addStatement("return $T.ANONYMOUS", principal).endControlFlow()
                        .addStatement("$T<String> scopes = new $T<>()", java.util.Set.class, java.util.TreeSet.class)
                        .beginControlFlow("for ($T a : authentication.getAuthorities())", GRANTED)
                        .addStatement("String name = a.getAuthority()")
                        .addStatement("if (name != null && name.startsWith($S)) scopes.add(name.substring(6))", "SCOPE_").endControlFlow()
                        .addStatement("return new $T(authentication.getName(), scopes)", principal).build())
                .build();
    }
}
