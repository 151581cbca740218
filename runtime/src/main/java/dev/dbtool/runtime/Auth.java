package dev.dbtool.runtime;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/** Scope checks for {@code @@auth} and {@code @auth}: UNAUTHENTICATED without a token, FORBIDDEN without the scope. */
public final class Auth {
    /** The key under which the request's {@link Principal} sits in the GraphQL context. */
    public static final String PRINCIPAL = Principal.class.getName();

    private Auth() {}

    public static Principal principal(DataFetchingEnvironment env) {
        GraphQLContext ctx = env.getGraphQlContext();
        Principal p = ctx == null ? null : ctx.get(PRINCIPAL);
        return p == null ? Principal.ANONYMOUS : p;
    }

    public static Principal require(DataFetchingEnvironment env, String scope) {
        Principal p = principal(env);
        require(p, scope);
        return p;
    }

    public static void require(Principal p, String scope) {
        if (scope == null || p.has(scope)) return;
        if (!p.authenticated()) throw ApiException.unauthenticated("This needs a bearer token with the scope `" + scope + "`.");
        throw ApiException.forbidden(scope);
    }
}
