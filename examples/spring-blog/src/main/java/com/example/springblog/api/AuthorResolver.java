package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.AuthorResolverBase;

/**
 * The {@code author} query (get Author). Written once by dbtool and yours to edit: override the protected hook of {@link AuthorResolverBase} to add rules.
 */
public class AuthorResolver extends AuthorResolverBase {
    public AuthorResolver(Api api) {
        super(api);
    }
}
