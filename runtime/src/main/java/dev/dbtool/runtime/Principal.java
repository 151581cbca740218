package dev.dbtool.runtime;

import java.util.Set;

/** Who is calling: the token's subject and scopes. {@link #ANONYMOUS} when the request carried no token. */
public record Principal(String subject, Set<String> scopes) {
    public static final Principal ANONYMOUS = new Principal(null, Set.of());

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean authenticated() { return subject != null; }

    public boolean has(String scope) { return scope == null || scopes.contains(scope); }
}
