package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.UsersResolverBase;

/**
 * The {@code users} query (list User). Written once by dbtool and yours to edit: override the protected hook of {@link UsersResolverBase} to add rules.
 */
public class UsersResolver extends UsersResolverBase {
    public UsersResolver(Api api) {
        super(api);
    }
}
