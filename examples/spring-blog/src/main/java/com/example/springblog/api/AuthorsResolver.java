package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.AuthorsResolverBase;

/**
 * The {@code authors} query (list Author). Written once by dbtool and yours to edit: override the protected hook of {@link AuthorsResolverBase} to add rules.
 */
public class AuthorsResolver extends AuthorsResolverBase {
    public AuthorsResolver(Api api) {
        super(api);
    }
}
